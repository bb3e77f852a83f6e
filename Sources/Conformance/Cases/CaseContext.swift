import Wire

/// What a case body works with: a way to start engines, the fixtures, the engine's profile and the
/// runner's timeouts. Every engine a case starts is killed (whole process group) when the case ends,
/// and its transcript is kept for `--keep-logs`.
package final class CaseContext {
    let command: EngineCommand
    package let replyTimeoutMs: Int
    /// Added to SPEC timing bounds (see `RunConfiguration.timingSlackMs`).
    package let timingSlackMs: Double
    package let fixtures: FixtureSet
    package let profile: EngineProfile
    package private(set) var sessions: [EngineSession] = []

    package init(command: EngineCommand, replyTimeoutMs: Int, timingSlackMs: Int, fixtures: FixtureSet, profile: EngineProfile) {
        self.command = command
        self.replyTimeoutMs = replyTimeoutMs
        self.timingSlackMs = Double(timingSlackMs)
        self.fixtures = fixtures
        self.profile = profile
    }

    /// Starts a fresh engine (no handshake).
    package func launch() throws(CaseFailure) -> EngineSession {
        let process: PosixEngineProcess
        do {
            process = try PosixEngineProcess(command)
        } catch {
            throw CaseFailure(expected: "the engine starts", actual: error.description)
        }
        let session = EngineSession(process: process, replyTimeoutMs: replyTimeoutMs)
        sessions.append(session)
        return session
    }

    /// Starts a fresh engine and completes the handshake.
    package func launchInitialized(heartbeatMs: Int = 0, limitBytes: Int? = nil) throws(CaseFailure) -> EngineSession {
        let session = try launch()
        try session.initialize(Message.initializeParams(heartbeatMs: heartbeatMs, limitBytes: limitBytes))
        try session.waitUntilLoaded()
        return session
    }

    /// Kills every engine this case started.
    package func finish() {
        for session in sessions { session.kill() }
    }

    /// `transcribe` params for a fixture in the engine's first language.
    package func transcribe(_ path: String, language: String?? = .none) -> JSONValue {
        let chosen: String? = switch language {
        case .none: profile.language
        case .some(let value): value
        }
        return Message.transcribeParams(path: path, language: chosen)
    }
}
