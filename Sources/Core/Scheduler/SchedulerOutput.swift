/// What the scheduler asks for; the coordinator turns these into `CoordinatorAction`s.
package enum SchedulerOutput: Hashable, Sendable {
    case send(EngineID, EngineRequest)
    case armTimer(TimerID, atMs: UInt64)
    case cancelTimer(TimerID)
    case event(TaskID, EventKind)
    /// A finished task fell out of retention: drop its event history too.
    case forget(TaskID)
}

/// One engine as the dispatcher sees it at this instant.
package struct EngineSlot: Hashable, Sendable {
    package var id: EngineID
    /// Running, healthy, not reloading.
    package var acceptsWork: Bool
    package var requestsInFlightMax: Int
    package var costCapacity: UInt32?

    package init(id: EngineID, acceptsWork: Bool, requestsInFlightMax: Int, costCapacity: UInt32? = nil) {
        self.id = id
        self.acceptsWork = acceptsWork
        self.requestsInFlightMax = requestsInFlightMax
        self.costCapacity = costCapacity
    }
}

/// A lane's address.
package struct LaneReference: Hashable, Sendable {
    package var task: TaskID
    package var lane: Int
}
