import Core

/// An emitted event as expectations see it: name, job alias, engine, a short detail, time.
package struct RecordedEvent: Hashable, Sendable {
    package var id: EventID
    package var name: String
    package var job: TaskID?
    package var engine: EngineID?
    package var detail: String
    package var atMs: UInt64
}
