import Synchronization

/// Turns signals that would end this process (SIGINT, SIGTERM by default) into a callback, so the
/// driver can stop every engine's group before exiting. Handlers run on one process-wide thread that
/// reads the self-pipe of `PosixSignalPipe` (signal dispositions are process-wide state).
package final class TerminationSignalWatcher: Sendable {
    private struct Registry {
        var nextId: UInt64 = 0
        var handlers: [(id: UInt64, signals: [GroupSignal], handler: @Sendable (GroupSignal) -> Void)] = []
        var readerStarted = false
    }

    private static let registry = Mutex(Registry())

    package let signals: [GroupSignal]
    private let id: UInt64

    private init(signals: [GroupSignal], id: UInt64) {
        self.signals = signals
        self.id = id
    }

    /// Starts watching; the signals' default actions are replaced until `cancel`.
    package static func start(
        _ signals: [GroupSignal] = [.interrupt, .terminate],
        handler: @escaping @Sendable (GroupSignal) -> Void
    ) -> TerminationSignalWatcher {
        let (id, startReader) = registry.withLock { registry in
            registry.nextId += 1
            registry.handlers.append((registry.nextId, signals, handler))
            defer { registry.readerStarted = true }
            return (registry.nextId, !registry.readerStarted)
        }
        if startReader { WorkerThread.start("termination-signals") { readSignals() } }
        for signal in signals { PosixSignalPipe.install(signal.rawValue) }
        return TerminationSignalWatcher(signals: signals, id: id)
    }

    /// Stops watching; signals no other watcher wants get their default actions back.
    package func cancel() {
        let stillWatched = Self.registry.withLock { registry in
            registry.handlers.removeAll { $0.id == id }
            return Set(registry.handlers.flatMap(\.signals))
        }
        for signal in signals where !stillWatched.contains(signal) {
            PosixSignalPipe.restoreDefault(signal.rawValue)
        }
    }

    private static func readSignals() {
        while true {
            let signal = GroupSignal(rawValue: PosixSignalPipe.next())
            let handlers = registry.withLock { registry in
                registry.handlers.filter { $0.signals.contains(signal) }.map(\.handler)
            }
            for handler in handlers { handler(signal) }
        }
    }
}
