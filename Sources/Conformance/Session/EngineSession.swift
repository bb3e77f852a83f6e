#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Wire

/// One engine process as a case sees it: bytes in, framed stdout lines and a full timestamped
/// transcript out. Every wait is bounded by a deadline. Owned and driven by one thread.
package final class EngineSession {
    package let process: any EngineProcess
    let startNs: UInt64
    /// How long a reply may take (the runner's `--timeout-ms`).
    package let replyTimeoutMs: Int
    package private(set) var transcript: [TranscriptEntry] = []
    package private(set) var lines: [OutputLine] = []
    /// The last `stderrTailBytesMax` bytes the engine wrote on stderr.
    package private(set) var stderrTail: [UInt8] = []
    package private(set) var stdoutClosed = false
    package private(set) var exitStatus: ExitStatus?
    package private(set) var exitTimeMs: Double?
    private var partialLine: [UInt8] = []
    private var barrierCount = 0

    static let stderrTailBytesMax = 16_384
    /// How long the first reply (to `initialize`) may take: start-up of interpreters on a loaded machine.
    package static let startupTimeoutMs = 10_000
    /// Longest transcript kept per session; later chunks are counted in a note, not stored.
    static let transcriptBytesMax = 4_194_304
    private var transcriptBytes = 0

    package init(process: any EngineProcess, replyTimeoutMs: Int) {
        self.process = process
        self.startNs = MonotonicClock.nowNs()
        self.replyTimeoutMs = replyTimeoutMs
    }

    package var nowMs: Double { milliseconds(MonotonicClock.nowNs()) }

    func milliseconds(_ timeNs: UInt64) -> Double {
        timeNs >= startNs ? Double(timeNs - startNs) / 1_000_000 : 0
    }

    package func note(_ text: String) { record(.note, Array(text.utf8), at: MonotonicClock.nowNs()) }

    private func record(_ stream: TranscriptEntry.Stream, _ bytes: [UInt8], at timeNs: UInt64) {
        transcriptBytes += bytes.count
        guard transcriptBytes <= Self.transcriptBytesMax || stream == .note else { return }
        transcript.append(TranscriptEntry(timeMs: milliseconds(timeNs), stream: stream, bytes: bytes))
    }

    // MARK: Writing

    /// Writes `bytes` as one write (as far as the pipe allows).
    package func sendRaw(_ bytes: [UInt8]) throws(CaseFailure) {
        try sendChunks([bytes], pauseUs: 0)
    }

    /// Writes each chunk with its own `write`, pausing `pauseUs` between them so the engine's reads
    /// see the pieces separately.
    package func sendChunks(_ chunks: [[UInt8]], pauseUs: UInt32) throws(CaseFailure) {
        for (position, chunk) in chunks.enumerated() {
            if position > 0, pauseUs > 0 { usleep(pauseUs) }
            record(.sent, chunk, at: MonotonicClock.nowNs())
            let deadline = MonotonicClock.deadline(afterMs: replyTimeoutMs)
            switch process.write(chunk, deadlineNs: deadline) {
            case .success: break
            case .failure(.closed):
                throw CaseFailure(expected: "the engine reads its stdin", actual: "stdin was closed by the engine (EPIPE)")
            case .failure(.timedOut(let written)):
                throw CaseFailure(
                    expected: "the engine reads its stdin",
                    actual: "it took only \(written) of \(chunk.count) bytes in \(replyTimeoutMs) ms")
            }
            absorb(process.readEvents(deadlineNs: 0))
        }
    }

    /// Writes one message as a compact line.
    package func send(_ message: JSONValue) throws(CaseFailure) { try sendRaw(message.encodedLine()) }

    package func closeStdin() {
        note("stdin closed by the runner")
        process.closeStdin()
    }

    // MARK: Reading

    /// Reads output until something arrives or the deadline passes.
    package func pump(deadlineNs: UInt64) { absorb(process.readEvents(deadlineNs: deadlineNs)) }

    /// Reads output for `milliseconds`, however much arrives.
    package func settle(forMs milliseconds: Int) {
        let deadline = MonotonicClock.deadline(afterMs: milliseconds)
        while MonotonicClock.nowNs() < deadline { pump(deadlineNs: deadline) }
    }

    /// The first stdout line at or after `index` that satisfies `predicate`, waiting up to `timeoutMs`.
    package func waitForLine(
        from index: Int = 0, timeoutMs: Int, where predicate: (OutputLine) -> Bool
    ) -> OutputLine? {
        let deadline = MonotonicClock.deadline(afterMs: timeoutMs)
        var checked = index
        while true {
            while checked < lines.count {
                if predicate(lines[checked]) { return lines[checked] }
                checked += 1
            }
            // Once stdout is closed nothing more can arrive.
            guard MonotonicClock.nowNs() < deadline, !stdoutClosed else { return nil }
            pump(deadlineNs: deadline)
        }
    }

    /// Waits for the engine to exit (reading output meanwhile), then for stdout to close.
    package func waitExit(timeoutMs: Int) -> ExitStatus? {
        if let exitStatus { return exitStatus }
        let deadline = MonotonicClock.deadline(afterMs: timeoutMs)
        let status = process.waitExit(deadlineNs: deadline)
        absorb(process.readEvents(deadlineNs: 0))
        guard let status else { return nil }
        exitStatus = status
        exitTimeMs = nowMs
        note("engine ended: \(status)")
        let drainDeadline = MonotonicClock.deadline(afterMs: 200)
        while !stdoutClosed, MonotonicClock.nowNs() < drainDeadline { pump(deadlineNs: drainDeadline) }
        return status
    }

    /// SIGKILL to the engine's process group; keeps what it wrote.
    package func kill() {
        process.killGroup()
        absorb(process.readEvents(deadlineNs: 0))
    }

    private func absorb(_ events: [EngineEvent]) {
        for event in events {
            switch event.kind {
            case .stdout(let bytes):
                record(.stdout, bytes, at: event.timeNs)
                split(bytes, at: event.timeNs)
            case .stderr(let bytes):
                record(.stderr, bytes, at: event.timeNs)
                stderrTail.append(contentsOf: bytes)
                if stderrTail.count > Self.stderrTailBytesMax {
                    stderrTail.removeFirst(stderrTail.count - Self.stderrTailBytesMax)
                }
            case .stdoutClosed:
                stdoutClosed = true
                if !partialLine.isEmpty { appendLine(partialLine, terminated: false, at: event.timeNs) }
                partialLine = []
            case .stderrClosed:
                break
            }
        }
    }

    private func split(_ bytes: [UInt8], at timeNs: UInt64) {
        var start = 0
        while let newline = bytes[start...].firstIndex(of: 0x0A) {
            partialLine.append(contentsOf: bytes[start..<newline])
            appendLine(partialLine, terminated: true, at: timeNs)
            partialLine = []
            start = newline + 1
        }
        partialLine.append(contentsOf: bytes[start...])
    }

    private func appendLine(_ bytes: [UInt8], terminated: Bool, at timeNs: UInt64) {
        let json: JSONValue?
        do { json = try JSONParser.parse(bytes) } catch { json = nil }
        lines.append(OutputLine(index: lines.count, timeMs: milliseconds(timeNs), bytes: bytes, terminated: terminated, json: json))
    }

    /// A fresh string id for barrier requests.
    func nextBarrierID() -> RPCID {
        barrierCount += 1
        return .string("lsconform-barrier-\(barrierCount)")
    }
}
