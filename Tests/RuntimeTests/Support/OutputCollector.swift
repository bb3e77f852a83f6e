import Dispatch
import Runtime
import Synchronization

/// Gathers a child's stdout and exit for assertions; waits are bounded and wake on each chunk.
final class OutputCollector: Sendable {
    private let received = Mutex<[UInt8]>([])
    private let changed = DispatchSemaphore(value: 0)

    var handlers: ChildProcess.Handlers {
        var handlers = ChildProcess.Handlers()
        handlers.standardOutput = { chunk in
            self.received.withLock { $0.append(contentsOf: chunk) }
            self.changed.signal()
        }
        return handlers
    }

    var bytes: [UInt8] { received.withLock { $0 } }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    var lines: [String] { text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) }

    /// Waits until `condition(text)` holds; false after `timeoutMs`.
    func wait(timeoutMs: Int = Fixture.waitMs, until condition: (String) -> Bool) -> Bool {
        let deadline = DispatchTime.now() + .milliseconds(timeoutMs)
        while !condition(text) {
            if changed.wait(timeout: deadline) == .timedOut { return condition(text) }
        }
        return true
    }

    /// Waits for a complete line equal to `line`.
    func waitForLine(_ line: String, timeoutMs: Int = Fixture.waitMs) -> Bool {
        wait(timeoutMs: timeoutMs) { $0.hasPrefix(line + "\n") || $0.contains("\n" + line + "\n") }
    }
}
