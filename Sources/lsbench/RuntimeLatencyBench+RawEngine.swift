import Core
import Foundation
import Wire

#if canImport(Glibc)
import Glibc
#endif

/// lsref without the runtime: this thread writes each request line to its stdin and reads its stdout
/// through the coordinator's `EngineStreamDecoder` until the response arrives. It separates what
/// lsref (and the SDK) cost from what the driver, the process layer and the coordinator add.
extension RuntimeLatencyBench {
    final class RawEngine {
        private let process = Process()
        private let toEngine = Pipe()
        private let fromEngine = Pipe()
        private var decoder = EngineStreamDecoder(engine: RuntimeBenchFixture.engine)
        private var buffer = [UInt8](repeating: 0, count: 65_536)
        private var nextID: UInt64 = 1
        /// `health_check`s sent while lsref reports `loading` before giving up.
        private let loadingProbesMax = 100_000

        /// Starts lsref, does the `initialize` handshake and polls `health_check` until `ok`.
        init(lsref: String) throws {
            process.executableURL = URL(fileURLWithPath: lsref)
            process.arguments = ["--step-ms", "0"]
            process.standardInput = toEngine
            process.standardOutput = fromEngine
            process.standardError = FileHandle.nullDevice
            try process.run()
            guard case .success = try exchange({ .initialize(id: $0, InitializeParameters()) }) else {
                throw EchoError(description: "lsref refused initialize")
            }
            for _ in 0..<loadingProbesMax {
                if case .success(let json) = try exchange({ .healthCheck(id: $0) }),
                    EngineCodec.healthStatus(from: json) == .ok {
                    return
                }
            }
            throw EchoError(description: "lsref still loading after \(loadingProbesMax) probes")
        }

        var pid: Int32 { process.processIdentifier }

        /// One request and its response (progress and draft notifications are read and skipped).
        func exchange(_ request: (RequestID) -> EngineRequest) throws -> EngineReply {
            let id = RequestID(nextID)
            nextID += 1
            let line = EngineCodec.encodedLine(request(id))
            let writeFd = toEngine.fileHandleForWriting.fileDescriptor
            var written = 0
            while written < line.count {
                let count = line.withUnsafeBytes { write(writeFd, $0.baseAddress! + written, $0.count - written) }
                guard count > 0 || errno == EINTR else { throw EchoError(description: "write to lsref: errno \(errno)") }
                written += max(count, 0)
            }
            let readFd = fromEngine.fileHandleForReading.fileDescriptor
            while true {
                let count = buffer.withUnsafeMutableBytes { read(readFd, $0.baseAddress!, $0.count) }
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { throw EchoError(description: "lsref closed its stdout") }
                for input in decoder.append(Array(buffer[0..<count])) {
                    if case .engineMessage(_, .response(id, let reply)) = input { return reply }
                }
            }
        }

        /// A transcription of `audio`, timed from the first byte written to the response decoded.
        func roundTrip(audio: String) throws -> Duration {
            let clock = ContinuousClock()
            let start = clock.now
            guard case .success = try exchange({ .transcribe(id: $0, TranscribeParameters(audioPath: audio)) }) else {
                throw EchoError(description: "lsref failed the transcription")
            }
            return clock.now - start
        }

        /// Asks lsref to stop, closes its stdin and reaps it.
        func finish() {
            _ = try? exchange { .stop(id: $0) }  // best effort: lsref also exits at end of stdin
            try? toEngine.fileHandleForWriting.close()  // best effort, as above
            process.waitUntilExit()
        }
    }
}
