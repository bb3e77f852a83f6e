/// Tasks by id in an array (ids are allocated in order from 1), so lookups do not hash. Forgotten
/// tasks leave nil slots; leading nil slots are dropped. Memory is proportional to the id span from
/// the oldest retained task to the newest, so one very old unfinished task keeps that span alive.
package struct TaskTable: Sendable {
    private var slots: [SchedulerTask?] = []
    /// Id of `slots[head]`.
    private var headID: UInt64 = 1
    private var head = 0
    package private(set) var count = 0

    package init() {}

    private func index(_ id: TaskID) -> Int? {
        guard id.value >= headID else { return nil }
        let index = head + Int(id.value - headID)
        return index < slots.count ? index : nil
    }

    package subscript(id: TaskID) -> SchedulerTask? {
        get { index(id).flatMap { slots[$0] } }
        _modify {
            guard let index = index(id) else {
                var absent: SchedulerTask?
                yield &absent
                precondition(absent == nil, "no slot for \(id): insert it first")
                return
            }
            yield &slots[index]
        }
    }

    /// Adds the task with the next id.
    package mutating func insert(_ task: SchedulerTask) {
        precondition(task.id.value == headID + UInt64(slots.count - head), "task ids must be consecutive")
        slots.append(task)
        count += 1
    }

    package mutating func remove(_ id: TaskID) {
        guard let index = index(id), slots[index] != nil else { return }
        slots[index] = nil
        count -= 1
        while head < slots.count && slots[head] == nil {
            head += 1
            headID += 1
        }
        if head > 1_024 && head * 2 > slots.count {
            slots.removeFirst(head)
            head = 0
        }
    }

    /// Retained tasks in id order.
    package var all: [SchedulerTask] { slots[head...].compactMap { $0 } }
}
