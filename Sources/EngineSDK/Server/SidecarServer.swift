import Foundation
import Synchronization
import Wire

/// The real I/O loop around `EngineSession`: a stdin reader thread, a serialized stdout writer,
/// a monotonic clock, timers as tasks, SIGTERM, and the engine's async hooks run in tasks whose
/// completions are fed back. Each event: lock, ask the machine, unlock, then act (STYLE rule 4).
/// Actions are performed in the order the machine produced them by one drainer at a time.
package final class SidecarServer: Sendable {
    struct State: ~Copyable {
        var session: EngineSession
        var outbox: [EngineSession.Action] = []
        var draining = false
        var frozen = false
    }

    struct Running: Sendable {
        let signal: CancellationSignal
        var task: Task<Void, Never>?
    }

    let engine: any SpeechEngine
    let config: EngineConfig
    let options: SidecarOptions
    let logger: SidecarLogger
    let outputFD: Int32
    let clockOriginMs: Int
    let state: Mutex<State>
    let timers = Mutex<[SessionTimer: Task<Void, Never>]>([:])
    let transcriptions = Mutex<[UInt64: Running]>([:])

    package init(engine: any SpeechEngine, config: EngineConfig, options: SidecarOptions, outputFD: Int32, logger: SidecarLogger) {
        self.engine = engine
        self.config = config
        self.options = options
        self.logger = logger
        self.outputFD = outputFD
        clockOriginMs = PosixStreams.monotonicMs()
        var configuration = SessionConfiguration(
            descriptor: engine.descriptor, maxConcurrentRequests: config.maxConcurrentRequests,
            maxMessageBytes: config.maxMessageBytes)
        configuration.healthTimeoutMs = config.healthTimeoutMs
        configuration.heartbeatIntervalPercent = options.heartbeatIntervalPercent
        state = Mutex(State(session: EngineSession(configuration: configuration, startMs: 0)))
    }

    /// Milliseconds since the server started (the session's clock).
    package var nowMs: Int { PosixStreams.monotonicMs() - clockOriginMs }

    /// Feeds one event to the machine and performs what it asks for.
    /// The clock is read under the lock, so the machine sees time in the order it sees events.
    package func submit(_ event: (inout EngineSession, Int) -> [EngineSession.Action]) {
        state.withLock { state in
            guard !state.frozen else { return }
            state.outbox.append(contentsOf: event(&state.session, nowMs))
        }
        drain()
    }

    /// Performs queued actions until none are left; returns at once if another thread is draining
    /// (that thread picks up what this one queued).
    private func drain() {
        while true {
            let batch: [EngineSession.Action]? = state.withLock { state in
                guard !state.draining, !state.outbox.isEmpty else { return nil }
                state.draining = true
                let actions = state.outbox
                state.outbox = []
                return actions
            }
            guard let batch else { return }
            for action in batch { perform(action) }
            state.withLock { $0.draining = false }
        }
    }

    /// A control handle for lsref's faults.
    package var control: SidecarControl {
        SidecarControl(
            injectOutput: { [self] bytes in submit { session, _ in session.injectOutput(bytes) } },
            injectOversizedLine: { [self] in submit { session, _ in session.injectOversizedLine() } },
            freeze: { [self] in
                logger.log(.warning, "frozen: no more answers (fault injection)")
                state.withLock { $0.frozen = true }
            },
            crash: { [logger] code in
                logger.log(.error, "crashing (fault injection)", extra: ["exitCode": .number(JSONNumber(Int(code)))])
                PosixStreams.exitNow(code)
            })
    }
}
