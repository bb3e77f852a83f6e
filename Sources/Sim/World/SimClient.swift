import Core

/// A simulated client: subscriptions with the last event id seen, connection state, and every event
/// it received (live or replayed) for expectations.
package struct SimClient: Sendable {
    package let name: String
    package var connected = true
    /// Jobs followed, in subscription order.
    package var subscriptions: [Subscription] = []
    package var received: [RecordedEvent] = []

    package init(name: String) { self.name = name }
}

/// One followed job (`job` nil: the coordinator-wide log, alias `*`) and the last event id seen.
package struct Subscription: Hashable, Sendable {
    package var alias: String
    package var job: TaskID?
    package var lastSeen: EventID?

    package init(alias: String, job: TaskID?, lastSeen: EventID?) {
        self.alias = alias
        self.job = job
        self.lastSeen = lastSeen
    }
}

/// An emitted event as expectations see it: name, job alias, engine, a short detail, time.
package struct RecordedEvent: Hashable, Sendable {
    package var id: EventID
    package var name: String
    package var job: TaskID?
    package var engine: EngineID?
    package var detail: String
    package var atMs: UInt64
}
