#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Wire

/// Lifecycle cases about ending: stop, end of input, SIGTERM.
extension CaseCatalog {
    /// The SPEC's bound on exiting after stop, EOF or SIGTERM.
    static let exitBoundMs = 5_000

    static func requireExit(_ session: EngineSession, allowed: [ExitStatus], after what: String) throws(CaseFailure) {
        let status = session.waitExit(timeoutMs: exitBoundMs)
        try require(status.map(allowed.contains) == true,
                    expected: "exit (\(allowed.map(\.description).joined(separator: " or "))) within \(exitBoundMs / 1000) s of \(what)",
                    actual: status.map { "\($0)" } ?? "still running after \(exitBoundMs / 1000) s")
    }

    static func stop(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launchInitialized()
        let result = try session.callResult("stop", id: 401)
        try require(result == .null, expected: "stop result null", actual: result.serializedString)
        try requireExit(session, allowed: [.exited(0)], after: "the stop reply (stdin still open)")
        return nil
    }

    static func stopBeforeInitialize(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launch()
        let result = try session.callResult("stop", id: 411)
        try require(result == .null, expected: "stop result null", actual: result.serializedString)
        try requireExit(session, allowed: [.exited(0)], after: "stop before initialize")
        return nil
    }

    static func stopInFlight(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launchInitialized()
        try CaseSupport.startLong(session, context, id: 421)
        session.settle(forMs: 100)
        try CaseSupport.requireInFlight(session, context, id: 421, purpose: "when stop is sent")
        try session.call("stop", id: 422)
        let stopLine = session.responses(to: 422).first?.line.index ?? 0
        let ended = session.responses(to: 421)
        try require(ended.count == 1 && ended[0].response.errorCode == -32030 && ended[0].line.index < stopLine,
                    expected: "one -32030 reply for the running transcription, before the stop reply",
                    actual: ended.isEmpty ? "no reply for it" : ended.map { $0.line.excerpt(limit: 100) }.joined(separator: " | "))
        try requireExit(session, allowed: [.exited(0)], after: "stop")
        return nil
    }

    static func silentAfterStop(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launchInitialized(heartbeatMs: 100)
        session.settle(forMs: 150)
        try session.call("stop", id: 431)
        _ = session.waitExit(timeoutMs: exitBoundMs)
        session.settle(forMs: session.exitStatus == nil ? 300 : 0)
        guard let stopLine = session.responses(to: 431).first?.line.index else { return nil }
        let after = session.lines.dropFirst(stopLine + 1)
        try require(after.isEmpty, expected: "nothing on stdout after the stop reply", actual: after.first?.excerpt() ?? "")
        return nil
    }

    static func requestsAfterStop(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launchInitialized()
        try session.sendRaw(Message.request(id: 441, method: "stop").encodedLine() + Message.request(id: 442, method: "get_status").encodedLine())
        _ = try session.reply(to: 441, what: "stop")
        _ = session.waitExit(timeoutMs: exitBoundMs)
        guard let late = session.responses(to: 442).first else { return "get_status was not read before the stop reply" }
        let stopLine = session.responses(to: 441).first?.line.index ?? 0
        try require(late.response.errorCode == -32030 && late.line.index < stopLine,
                    expected: "-32030 before the stop reply (or no reply)", actual: late.line.excerpt())
        return nil
    }

    static func lastReplyFlushed(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launchInitialized()
        try session.sendRaw(Message.request(id: 451, method: "health_check").encodedLine() + Message.request(id: 452, method: "stop").encodedLine())
        _ = session.waitExit(timeoutMs: exitBoundMs)
        let health = session.responses(to: 451).first
        let stop = session.responses(to: 452).first
        try require(health != nil && stop?.line.terminated == true && stop?.line.index == session.lines.count - 1,
                    expected: "the health_check reply, then the stop reply as the last complete line",
                    actual: session.lines.suffix(2).map { $0.excerpt(limit: 80) }.joined(separator: " | ") + session.stdoutSummary)
        return nil
    }

    static func eof(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launchInitialized()
        session.closeStdin()
        try requireExit(session, allowed: [.exited(0)], after: "stdin EOF")
        return nil
    }

    static func eofInFlight(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launchInitialized()
        try CaseSupport.startLong(session, context, id: 461)
        session.settle(forMs: 100)
        session.closeStdin()
        try requireExit(session, allowed: [.exited(0)], after: "stdin EOF with a transcription running")
        return nil
    }

    static func sigterm(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launchInitialized()
        try session.call("get_status", id: 471)
        session.note("SIGTERM sent to the engine's process group")
        session.process.signalGroup(SIGTERM)
        try requireExit(session, allowed: [.exited(0), .exited(143), .signaled(SIGTERM)], after: "SIGTERM")
        return nil
    }
}
