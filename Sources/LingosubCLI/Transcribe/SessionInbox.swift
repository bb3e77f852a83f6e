import Dispatch
import Synchronization

/// The driver thread posts; the command's thread takes everything pending, waiting a bounded time.
/// At most `itemsMax` items wait; beyond that stderr lines are dropped (and counted), events never.
final class SessionInbox: Sendable {
    static let itemsMax = 65_536

    private struct State {
        var items: [SessionItem] = []
        var stderrLinesDropped: UInt64 = 0
    }

    private let state = Mutex(State())
    private let changed = DispatchSemaphore(value: 0)

    func post(_ item: SessionItem) {
        let accepted = state.withLock { state in
            if case .stderrLine = item, state.items.count >= Self.itemsMax {
                state.stderrLinesDropped += 1
                return false
            }
            state.items.append(item)
            return true
        }
        if accepted { changed.signal() }
    }

    /// Everything pending, waiting at most `timeoutMs` for the first item.
    func take(timeoutMs: Int) -> [SessionItem] {
        let pending = state.withLock { state in
            defer { state.items.removeAll(keepingCapacity: true) }
            return state.items
        }
        if !pending.isEmpty { return pending }
        _ = changed.wait(timeout: .now() + .milliseconds(timeoutMs))
        return state.withLock { state in
            defer { state.items.removeAll(keepingCapacity: true) }
            return state.items
        }
    }

    var stderrLinesDropped: UInt64 { state.withLock { $0.stderrLinesDropped } }
}
