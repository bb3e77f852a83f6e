import Core

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
