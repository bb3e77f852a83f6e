import Wire

/// Starts the engine once and completes the handshake, to learn its profile. A failure here is
/// exit code 3 with the engine's stderr tail.
enum Preflight {
    static func run(_ command: EngineCommand, replyTimeoutMs: Int) -> Result<EngineProfile, RunReport.StartFailure> {
        let process: PosixEngineProcess
        do {
            process = try PosixEngineProcess(command)
        } catch {
            return .failure(.init(reason: error.description, stderrTail: ""))
        }
        let session = EngineSession(process: process, replyTimeoutMs: replyTimeoutMs)
        defer { session.kill() }
        let result: JSONObject
        do {
            result = try session.initialize()
        } catch {
            _ = session.waitExit(timeoutMs: 0)
            let exited = session.exitStatus.map { " (engine ended: \($0))" } ?? ""
            return .failure(.init(
                reason: "handshake failed: expected \(error.expected); got \(error.actual)\(exited)",
                stderrTail: tail(session)))
        }
        guard let profile = EngineProfile(initializeResult: .object(result)) else {
            return .failure(.init(
                reason: "handshake failed: the initialize result lacks capabilities.languages or maxConcurrentRequests: "
                    + result.serializedLine.prefix(300),
                stderrTail: tail(session)))
        }
        return .success(profile)
    }

    /// The last lines of the engine's stderr, for the exit-3 message.
    static func tail(_ session: EngineSession, lineCount: Int = 20) -> String {
        let text = String(decoding: session.stderrTail, as: UTF8.self)
        return text.split(separator: "\n", omittingEmptySubsequences: false).suffix(lineCount).joined(separator: "\n")
    }
}
