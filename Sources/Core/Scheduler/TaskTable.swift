/// Tasks by id (ids are allocated in order from 1) without hashing; see `DenseTable`.
package struct TaskTable: Sendable {
    private var table = DenseTable<SchedulerTask>()

    package init() {}

    package var count: Int { table.count }

    package subscript(id: TaskID) -> SchedulerTask? {
        @inline(__always) get { table[id.value] }
        _modify { yield &table[id.value] }
    }

    /// Adds a new task.
    package mutating func insert(_ task: SchedulerTask) {
        table.insertNew(task, at: task.id.value)
    }

    package mutating func remove(_ id: TaskID) { table[id.value] = nil }

    /// Retained tasks in id order.
    package var all: [SchedulerTask] { table.all }
}
