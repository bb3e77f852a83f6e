/// The coordinator's engine supervisors by engine id, in an array in `EngineIndex` order: a lookup
/// neither hashes nor copies the supervisor (the getter is inlined; `_modify` mutates in place).
package struct SupervisorTable: Sendable {
    package let index: EngineIndex
    /// Never nil; optional so `_modify` can yield an `EngineSupervisor?` in place.
    private var supervisors: [EngineSupervisor?]

    init(_ configurations: [EngineConfiguration]) {
        index = EngineIndex(configurations.map(\.id))
        var supervisors = [EngineSupervisor?](repeating: nil, count: index.count)
        for configuration in configurations {
            supervisors[index.position(of: configuration.id)!] = EngineSupervisor(configuration: configuration)
        }
        self.supervisors = supervisors
    }

    package func contains(_ id: EngineID) -> Bool { index.position(of: id) != nil }

    /// The supervisor of `id`; nil for an unknown engine (which cannot be added).
    package subscript(id: EngineID) -> EngineSupervisor? {
        @inline(__always) get {
            guard let position = index.position(of: id) else { return nil }
            return supervisors[position]
        }
        _modify {
            if let position = index.position(of: id) {
                yield &supervisors[position]
                precondition(supervisors[position] != nil, "the supervisor of \(id) removed")
            } else {
                var absent: EngineSupervisor?
                yield &absent
                precondition(absent == nil, "engine \(id) is not configured")
            }
        }
    }

    /// The supervisor at `position` in `index.ids`.
    subscript(position position: Int) -> EngineSupervisor {
        @inline(__always) get { supervisors[position]! }
        _modify { yield &supervisors[position]! }
    }
}
