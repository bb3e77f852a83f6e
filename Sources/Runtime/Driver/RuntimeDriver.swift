import Core
import Dispatch
import Synchronization

/// The real driver of the pure `Coordinator`: a real monotonic clock, real child processes, pipes
/// and signals. One driver thread owns the coordinator; it feeds it timer firings, process exits,
/// decoded stdout messages and stderr lines, and performs the actions it returns. It makes no
/// supervision or scheduling decision of its own. The driver thread waits in one `poll(2)` on every
/// engine's stdout, its inbox and its next deadline (`DriverLoop`), and writes requests inline, so a
/// request→reply round trip costs no thread hand-off.
package final class RuntimeDriver: Sendable {
    /// What other threads may read about the coordinator, refreshed after every input.
    package struct Snapshot: Sendable {
        package var engines: [EngineID: EngineState] = [:]
        package var liveProcessCount = 0
    }

    package let configuration: RuntimeDriverConfiguration
    /// What other threads post to the driver thread's `DriverLoop`.
    let inbox: DriverInbox
    let snapshot = Mutex(Snapshot())
    let eventHandler: @Sendable (Event) -> Void
    /// Request→reply times, when `roundTripSamplesMax > 0`.
    package let roundTrips: RoundTripLog
    private let finished = DispatchGroup()
    private let started = Mutex(false)

    /// `eventHandler` gets every emitted event on the driver thread; it must return quickly.
    package init(configuration: RuntimeDriverConfiguration, eventHandler: @escaping @Sendable (Event) -> Void = { _ in }) {
        self.configuration = configuration
        self.inbox = DriverInbox(clock: MonotonicClock(), capacity: configuration.inboxCapacity)
        self.eventHandler = eventHandler
        self.roundTrips = RoundTripLog(samplesMax: configuration.roundTripSamplesMax)
    }

    /// Starts the driver thread (once).
    package func start() {
        let first = started.withLock { started in
            defer { started = true }
            return !started
        }
        guard first else { return }
        finished.enter()
        // A big stack: the JSON parser recurses once per nesting level of an engine's message.
        WorkerThread.start("lingosub-driver", stackBytes: 8 * 1024 * 1024) { [self] in
            var session = DriverSession(driver: self)
            session.run()
            // Its descriptors go with the thread, not with the last reference to the driver.
            session.loop.closeDescriptors()
            inbox.closeWakePipe()
            finished.leave()
        }
    }

    /// Sends a client command and waits at most `timeoutMs` for the reply.
    package func send(_ command: ClientCommand, timeoutMs: Int) -> ClientReply? {
        let reply = Mutex<ClientReply?>(nil)
        let answered = DispatchSemaphore(value: 0)
        let posted = post(command) { answer in
            reply.withLock { $0 = answer }
            answered.signal()
        }
        guard posted, answered.wait(timeout: .now() + .milliseconds(timeoutMs)) == .success else { return nil }
        return reply.withLock { $0 }
    }

    /// Posts a client command without waiting for its reply: `reply` gets it on the driver thread
    /// (it must return quickly). For clients that need not block until the command is taken, e.g.
    /// one that learns a task's outcome from the events anyway: it saves a wake-up of the client
    /// thread per command. Waits only while the inbox is full; false once the driver has stopped.
    @discardableResult
    package func post(_ command: ClientCommand, reply: @escaping @Sendable (ClientReply) -> Void) -> Bool {
        inbox.post(.client(command, reply: reply))
    }

    /// Stops every engine (their stop sequences; SIGKILL to what is left after `shutdownGraceMs`),
    /// then ends the driver thread.
    package func requestShutdown() {
        _ = inbox.post(.shutdown)
    }

    /// Shuts down (as `requestShutdown`) when one of `signals` arrives, e.g. when `lingosub` is
    /// interrupted; cancel the returned watcher to restore the signals' default actions.
    package func shutDownOnSignals(_ signals: [GroupSignal] = [.interrupt, .terminate]) -> TerminationSignalWatcher {
        TerminationSignalWatcher.start(signals) { [self] _ in requestShutdown() }
    }

    /// Waits at most `timeoutMs` for the driver thread to end (after `requestShutdown`).
    package func waitUntilFinished(timeoutMs: Int) -> Bool {
        finished.wait(timeout: .now() + .milliseconds(timeoutMs)) == .success
    }

    package func engineState(_ id: EngineID) -> EngineState? { snapshot.withLock { $0.engines[id] } }

    /// Children spawned and not yet reported exited.
    package var liveProcessCount: Int { snapshot.withLock { $0.liveProcessCount } }

    /// Milliseconds on the driver's clock (the `now` the coordinator sees).
    package var nowMs: UInt64 { inbox.clock.nowMs() }
}
