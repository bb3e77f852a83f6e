import Synchronization

/// Hands out case indexes to worker threads and collects their results.
final class WorkBoard: Sendable {
    private let next = Mutex(0)
    private let slots: Mutex<[CaseResult?]>
    private let caseCount: Int

    init(caseCount: Int) {
        self.caseCount = caseCount
        slots = Mutex(Array(repeating: nil, count: caseCount))
    }

    func take() -> Int? {
        let index = next.withLock { value -> Int in
            defer { value += 1 }
            return value
        }
        return index < caseCount ? index : nil
    }

    func store(_ result: CaseResult, at index: Int) { slots.withLock { $0[index] = result } }

    func results() -> [CaseResult] { slots.withLock { $0.compactMap { $0 } } }
}
