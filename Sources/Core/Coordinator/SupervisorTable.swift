/// The coordinator's engine supervisors by engine id, in an array in `EngineIndex` order: a lookup
/// neither hashes nor copies the supervisor (the getter is inlined).
package struct SupervisorTable: Sendable {
    package let index: EngineIndex
    /// The supervisors in `index` order. The coordinator mutates them in place as
    /// `all[position].method()`: the array's own accessor inlines, while a `_modify` of ours would
    /// nest it in a coroutine whose frame is heap-allocated on every call.
    var all: [EngineSupervisor]

    init(_ configurations: [EngineConfiguration]) {
        index = EngineIndex(configurations.map(\.id))
        var supervisors = [EngineSupervisor?](repeating: nil, count: index.count)
        for configuration in configurations {
            supervisors[index.position(of: configuration.id)!] = EngineSupervisor(configuration: configuration)
        }
        all = supervisors.map { $0! }
    }

    package func contains(_ id: EngineID) -> Bool { index.position(of: id) != nil }

    /// The supervisor of `id`; nil for an unknown engine.
    package subscript(id: EngineID) -> EngineSupervisor? {
        @inline(__always) get {
            guard let position = index.position(of: id) else { return nil }
            return all[position]
        }
    }
}
