import Dispatch
import Synchronization

/// Turns signals that would end this process (SIGINT, SIGTERM by default) into a callback, so the
/// driver can stop every engine's group before exiting. The handler runs on a Dispatch queue.
package final class TerminationSignalWatcher: Sendable {
    package let signals: [ProcessSignal]
    private let sources: Mutex<[any DispatchSourceSignal]>

    private init(signals: [ProcessSignal], sources: sending [any DispatchSourceSignal]) {
        self.signals = signals
        self.sources = Mutex(sources)
    }

    /// Starts watching; the signals' default actions are disabled until `cancel`.
    package static func start(
        _ signals: [ProcessSignal] = [.interrupt, .terminate],
        handler: @escaping @Sendable (ProcessSignal) -> Void
    ) -> TerminationSignalWatcher {
        let queue = DispatchQueue(label: "lingosub.termination-signals")
        var sources: [any DispatchSourceSignal] = []
        for signal in signals {
            PosixSignals.ignore(signal.rawValue)
            let source = DispatchSource.makeSignalSource(signal: signal.rawValue, queue: queue)
            source.setEventHandler { handler(signal) }
            source.resume()
            sources.append(source)
        }
        return TerminationSignalWatcher(signals: signals, sources: sources)
    }

    /// Stops watching and restores the default actions.
    package func cancel() {
        let cancelled = sources.withLock { sources in
            defer { sources.removeAll() }
            return sources
        }
        for source in cancelled { source.cancel() }
        if !cancelled.isEmpty {
            for signal in signals { PosixSignals.restoreDefault(signal.rawValue) }
        }
    }
}
