/// One event: a global id (strictly increasing), the job it belongs to (nil: coordinator-wide, e.g.
/// engine signals), when, and what.
package struct Event: Hashable, Sendable {
    package var id: EventID
    package var job: TaskID?
    package var atMs: UInt64
    package var priority: EventPriority
    package var kind: EventKind

    package init(id: EventID, job: TaskID?, atMs: UInt64, priority: EventPriority, kind: consuming EventKind) {
        self.id = id
        self.job = job
        self.atMs = atMs
        self.priority = priority
        self.kind = kind
    }
}
