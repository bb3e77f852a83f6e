import Core

/// The simulator's own book of submitted tasks: aliases, ids, and which have seen their final event.
package struct TaskBook: Sendable {
    /// Alias → task id (several aliases may name one task: idempotent resubmission).
    package private(set) var ids: [String: TaskID] = [:]
    /// Task id → the first alias that named it.
    package private(set) var aliases: [TaskID: String] = [:]
    /// Alias → rejection code, for submissions the coordinator refused.
    package private(set) var rejections: [String: String] = [:]
    package private(set) var finished: Set<TaskID> = []
    /// Submitted and not yet finished (must equal the coordinator's unfinished count).
    package private(set) var unfinishedCount = 0
    /// Every distinct task id, in submission order.
    package private(set) var order: [TaskID] = []

    package init() {}

    /// Room for `submissions` tasks (the scenario's submit steps), so the tables never rehash.
    mutating func reserve(_ submissions: Int) {
        ids.reserveCapacity(submissions)
        aliases.reserveCapacity(submissions)
        order.reserveCapacity(submissions)
        finished.reserveCapacity(submissions)
    }

    mutating func submitted(_ id: TaskID, alias: String, deduplicated: Bool) {
        ids[alias] = id
        guard !deduplicated, aliases[id] == nil else { return }
        aliases[id] = alias
        order.append(id)
        unfinishedCount += 1
    }

    mutating func rejected(alias: String, code: String) { rejections[alias] = code }

    /// Records a final event; false when the task had finished already.
    mutating func finish(_ id: TaskID) -> Bool {
        guard finished.insert(id).inserted else { return false }
        if aliases[id] != nil { unfinishedCount -= 1 }
        return true
    }

    package func alias(_ id: TaskID) -> String { aliases[id] ?? id.description }
}
