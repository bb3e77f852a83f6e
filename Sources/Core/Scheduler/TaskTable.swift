/// Tasks by id (ids are allocated in order from 1) without hashing; see `DenseTable`.
package struct TaskTable: Sendable {
    private var table = DenseTable<SchedulerTask>()

    package init() {}

    package var count: Int { table.count }

    /// Read-only: mutations go through `update` (no coroutine accessor on the hot paths).
    package subscript(id: TaskID) -> SchedulerTask? {
        @inline(__always) get { table[id.value] }
    }

    /// Mutates an existing task in place (see `DenseTable.update`).
    @inline(__always)
    package mutating func update<Result>(_ id: TaskID, _ body: (inout SchedulerTask) -> Result) -> Result {
        table.update(id.value, body)
    }

    /// Mutates one lane of an existing task in place.
    @inline(__always)
    mutating func updateLane<Result>(_ reference: LaneReference, _ body: (inout Lane) -> Result) -> Result {
        table.update(reference.task.value) { body(&$0.lanes[reference.lane]) }
    }

    /// Whether `id` is retained (reads only its slot's tag; no copy of the task).
    package func contains(_ id: TaskID) -> Bool { table.contains(id.value) }

    /// Adds a new task.
    package mutating func insert(_ task: consuming SchedulerTask) {
        let id = task.id.value
        table.insertNew(task, at: id)
    }

    package mutating func remove(_ id: TaskID) { table.remove(id.value) }

    /// Retained tasks in id order.
    package var all: [SchedulerTask] { table.all }
}
