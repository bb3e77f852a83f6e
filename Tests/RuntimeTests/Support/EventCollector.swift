import Core
import Dispatch
import Synchronization

/// Gathers the driver's events; waits are bounded and wake on each event.
final class EventCollector: Sendable {
    private let events = Mutex<[Event]>([])
    private let changed = DispatchSemaphore(value: 0)

    var handler: @Sendable (Event) -> Void {
        { event in
            self.events.withLock { $0.append(event) }
            self.changed.signal()
        }
    }

    var all: [Event] { events.withLock { $0 } }

    var names: [String] { all.map(\.kind.name) }

    /// Waits until some event satisfies `condition`; false after `timeoutMs`.
    func wait(timeoutMs: Int = Fixture.waitMs, for condition: (Event) -> Bool) -> Bool {
        let deadline = DispatchTime.now() + .milliseconds(timeoutMs)
        while !all.contains(where: condition) {
            if changed.wait(timeout: deadline) == .timedOut { return all.contains(where: condition) }
        }
        return true
    }
}
