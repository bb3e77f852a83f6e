import Dispatch
import Foundation
import Synchronization
import Wire

/// The real I/O loop around `EngineSession`: a stdin reader thread, a serialized stdout writer,
/// a monotonic clock, one timer thread, SIGTERM, and the engine's hooks — inline when the engine is
/// an `ImmediateSpeechEngine` that takes the call, else in tasks whose completions are fed back.
/// Each event: lock, ask the machine, unlock, then act (STYLE rule 4). Actions are performed in the
/// order the machine produced them by one drainer at a time; consecutive writes go out in one
/// write(2), and log lines are written to stderr once the drainer has nothing left to do.
///
/// Output is bounded (`OutputBacklog`): while the stdout bytes queued or being written reach
/// `outputBytesMax` (config `outputQueueBytesMax`, default 4 × the effective `maxMessageBytes`), a
/// producer (the stdin reader, the timer thread, an engine task reporting progress or finishing)
/// waits before adding more, so an engine whose coordinator stops reading stdout stops reading stdin
/// instead of growing. Nothing is dropped. The drainer itself, SIGTERM and end of input never wait.
package final class SidecarServer: Sendable {
    struct State: ~Copyable {
        var session: EngineSession
        var outbox: [EngineSession.Action] = []
        var backlog = OutputBacklog()
        var draining = false
        /// The thread that is draining (meaningful while `draining`).
        var drainer: pthread_t = pthread_self()
        var frozen = false
        /// Log records waiting for the drainer to finish (stderr, formatted and written after stdout).
        var logRecords: [LogRecord] = []
    }

    struct Running: Sendable {
        let signal: CancellationSignal
        var task: Task<Void, Never>?
    }

    let engine: any SpeechEngine
    /// `engine` when it offers synchronous hooks.
    let immediate: (any ImmediateSpeechEngine)?
    let config: EngineConfig
    let options: SidecarOptions
    let logger: SidecarLogger
    let output: OutputSink
    let clockOriginMs: Int
    let state: Mutex<State>
    /// Set once in `init`; its thread starts at the first commit with a deadline.
    private let timerStorage = Mutex<TimerThread?>(nil)
    let transcriptions = Mutex<[UInt64: Running]>([:])

    package init(engine: any SpeechEngine, config: EngineConfig, options: SidecarOptions, output: OutputSink, logger: SidecarLogger) {
        self.engine = engine
        immediate = engine as? any ImmediateSpeechEngine
        self.config = config
        self.options = options
        self.logger = logger
        self.output = output
        clockOriginMs = PosixStreams.monotonicMs()
        var configuration = SessionConfiguration(
            descriptor: engine.descriptor, maxConcurrentRequests: config.maxConcurrentRequests,
            maxMessageBytes: config.maxMessageBytes)
        configuration.healthTimeoutMs = config.healthTimeoutMs
        configuration.heartbeatIntervalPercent = options.heartbeatIntervalPercent
        state = Mutex(State(session: EngineSession(configuration: configuration, startMs: 0)))
        let timerThread = TimerThread(clock: { [self] in nowMs }) { [self] timer in
            submit { session, now in session.timerFired(timer, now: now) }
        }
        timerStorage.withLock { $0 = timerThread }
    }

    /// The session's timers.
    var timers: TimerThread {
        guard let timers = timerStorage.withLock({ $0 }) else { preconditionFailure("timers used before init finished") }
        return timers
    }

    /// Milliseconds since the server started (the session's clock).
    package var nowMs: Int { PosixStreams.monotonicMs() - clockOriginMs }

    /// Feeds one event to the machine and performs what it asks for.
    /// The clock is read under the lock, so the machine sees time in the order it sees events.
    /// Waits first while the output backlog is full, unless `mayWait` is false or this thread is
    /// the drainer (which must go on writing).
    package func submit(mayWait: Bool = true, _ event: (inout EngineSession, Int) -> [EngineSession.Action]) {
        while true {
            let waiter: (DispatchSemaphore, firstOfSpell: Bool, bytes: Int)? = state.withLock { state in
                guard !state.frozen else { return nil }
                if mayWait, state.backlog.isFull(bytesMax: outputBytesMax(state.session)),
                   !(state.draining && pthread_equal(state.drainer, pthread_self()) != 0) {
                    let (semaphore, first) = state.backlog.wait()
                    return (semaphore, first, state.backlog.bytes)
                }
                let actions = event(&state.session, nowMs)
                state.backlog.queued(OutputBacklog.writeBytes(actions))
                // Usually the outbox is empty: then the array is taken over instead of copied.
                if state.outbox.isEmpty { state.outbox = actions } else { state.outbox.append(contentsOf: actions) }
                return nil
            }
            guard let waiter else { break }
            if waiter.firstOfSpell {
                logger.log(.warning, "stdout backlog full; producers wait (the coordinator is not reading)", extra: [
                    "backlogBytes": .number(JSONNumber(waiter.bytes)),
                ])
            }
            output.producerWillWait()
            waiter.0.wait()
        }
        drain()
    }

    /// The backlog bound in force: the configured one, else 4 × the effective line limit.
    func outputBytesMax(_ session: borrowing EngineSession) -> Int {
        config.outputQueueBytesMax ?? Self.outputQueueMessagesDefault * session.effectiveLimitBytes
    }

    /// Backlog bound in lines of the effective limit when the config sets none.
    package static let outputQueueMessagesDefault = 4

    /// The output backlog now (tests, diagnostics).
    package var outputBacklog: OutputBacklog { state.withLock { $0.backlog } }

    /// Performs queued actions until none are left; returns at once if another thread is draining
    /// (that thread picks up what this one queued). Then applies the timer changes and writes the
    /// log lines the actions produced.
    private func drain() {
        var drained = false
        while true {
            let batch: [EngineSession.Action]? = state.withLock { state in
                guard !state.draining, !state.outbox.isEmpty else { return nil }
                state.draining = true
                state.drainer = pthread_self()
                let actions = state.outbox
                state.outbox = []
                state.backlog.took()
                return actions
            }
            guard let batch else { break }
            drained = true
            perform(batch)
            let woken = state.withLock { state in
                state.draining = false
                return state.backlog.wrote()
            }
            for semaphore in woken { semaphore.signal() }
        }
        guard drained else { return }
        timers.commit()
        flushLogs()
    }

    /// Performs one batch in order, joining consecutive writes into one write(2).
    private func perform(_ batch: [EngineSession.Action]) {
        var pending: [UInt8] = []
        for action in batch {
            switch action {
            case .write(let bytes):
                pending += bytes
            case .log(let record):
                queueLog(record)
            default:
                writeOut(pending)
                pending.removeAll(keepingCapacity: true)
                perform(action)
            }
        }
        writeOut(pending)
    }

    /// Queues a log record for `flushLogs()` (stderr is not the protocol stream, so waiting is harmless).
    func queueLog(_ record: LogRecord) {
        guard record.level >= logger.levelMin else { return }
        state.withLock { $0.logRecords.append(record) }
    }

    /// Writes the queued log records (before an exit too, so none is lost).
    func flushLogs() {
        logger.write {
            state.withLock { state in
                let records = state.logRecords
                state.logRecords = []
                return records
            }
        }
    }

    /// Writes the stdout lines still queued, before a crash: what the engine reported before it
    /// crashed reaches stdout, as it does when each report is written by the reporting thread.
    /// Another thread that is draining owns the queue (and may be writing): then nothing is taken.
    private func writeQueuedOutput() {
        let queued: [EngineSession.Action] = state.withLock { state in
            guard !state.draining || pthread_equal(state.drainer, pthread_self()) != 0 else { return [] }
            let actions = state.outbox
            state.outbox = []
            state.backlog.discardedQueue()
            return actions
        }
        var bytes: [UInt8] = []
        for action in queued {
            if case .write(let line) = action { bytes += line }
        }
        writeOut(bytes)
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
            crash: { [self] code in
                writeQueuedOutput()
                flushLogs()
                logger.log(.error, "crashing (fault injection)", extra: ["exitCode": .number(JSONNumber(Int(code)))])
                PosixStreams.exitNow(code)
            })
    }
}
