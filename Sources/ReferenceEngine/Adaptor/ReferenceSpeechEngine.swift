import EngineSDK
import Foundation
import Synchronization
import Wire

/// lsref as a `SpeechEngine`: reads the audio (and `<audio>.txt`), asks `ReferencePlanner` for a plan
/// and carries it out in real time. Fault steps go through the server's `SidecarControl`.
package final class ReferenceSpeechEngine: SpeechEngine {
    package let behaviour: ReferenceBehaviour
    let control: SidecarControl
    private let requestCount = Atomic<Int>(0)

    package init(behaviour: ReferenceBehaviour, control: SidecarControl) {
        self.behaviour = behaviour
        self.control = control
    }

    package var descriptor: EngineDescriptor {
        EngineDescriptor(name: "lsref", version: "0.1.0", languages: behaviour.languages)
    }

    package func start() async throws {
        if behaviour.loadingMs > 0 { try await Task.sleep(nanoseconds: UInt64(behaviour.loadingMs) * 1_000_000) }
    }

    package func checkHealth() async -> HealthStatus {
        behaviour.health == .ok ? .ok : .status(behaviour.health, reason: "set by --health")
    }

    package func transcribe(
        _ request: TranscriptionRequest, reporter: TranscriptionReporter, cancellation: CancellationSignal
    ) async throws -> Transcript {
        let number = requestCount.add(1, ordering: .relaxed).newValue
        if behaviour.strayPrint {
            print("stray print from engine code (request \(request.id))")
            fflush(nil)
        }
        let audio = try Self.readFile(request.audioPath)
        let plan = ReferencePlanner.plan(
            audio: audio, transcriptText: audio == nil ? nil : Self.transcriptText(for: request.audioPath),
            request: request, requestNumber: number, behaviour: behaviour)
        let startMs = Self.nowMs()
        for step in plan.steps {
            try await Self.wait(until: startMs + step.atMs, cancellation: cancellation)
            switch step.action {
            case .progress(let fraction, let stage): reporter.progress(fraction, stage: stage)
            case .draft(let segment): reporter.draft(segment)
            case .rawOutput(let bytes): control.injectOutput(bytes)
            case .oversizedLine: control.injectOversizedLine()
            case .crash(let code): control.crash(code)
            case .hang:
                control.freeze()
                while true { try await Self.wait(until: Self.nowMs() + 1_000, cancellation: cancellation) }
            case .finish(let outcome): return try outcome.get()
            }
        }
        throw EngineError(.engineFailure, reason: "plan without an ending")
    }

    /// Sleeps in slices of at most 20 ms, throwing soon after a cancel.
    static func wait(until deadlineMs: Int, cancellation: CancellationSignal) async throws {
        while true {
            if cancellation.isCancelled { throw CancellationError() }
            let remaining = deadlineMs - nowMs()
            if remaining <= 0 { return }
            try await Task.sleep(nanoseconds: UInt64(min(remaining, 20)) * 1_000_000)
        }
    }

    static func nowMs() -> Int { Int(ProcessInfo.processInfo.systemUptime * 1_000) }

    /// Largest audio file lsref reads (a bound on memory; larger files are -32011).
    static let audioBytesMax = 256 << 20

    /// The file's bytes; nil when it is missing, not a regular file (a directory, a FIFO, a device),
    /// or unreadable. A file over `audioBytesMax` throws -32011.
    static func readFile(_ path: String) throws(EngineError) -> [UInt8]? {
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            return nil
        }
        guard attributes[.type] as? FileAttributeType == .typeRegular else { return nil }
        if let size = attributes[.size] as? Int, size > audioBytesMax {
            throw EngineError(.audioUnsupportedFormat, reason: "file of \(size) bytes exceeds \(audioBytesMax)", path: path)
        }
        do {
            return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            return nil
        }
    }

    /// `hello.wav` → the text of `hello.txt`, else of `hello.wav.txt`, else nil.
    static func transcriptText(for audioPath: String) -> String? {
        let url = URL(fileURLWithPath: audioPath)
        for candidate in [url.deletingPathExtension().appendingPathExtension("txt"), url.appendingPathExtension("txt")] {
            do {
                if let bytes = try readFile(candidate.path) { return String(decoding: bytes, as: UTF8.self) }
            } catch {
                continue  // a transcript too large to read is ignored like a missing one
            }
        }
        return nil
    }
}
