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
