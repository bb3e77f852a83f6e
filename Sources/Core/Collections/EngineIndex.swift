/// Positions of engine ids in a fixed list sorted by name. Coordinators run a handful of engines, so
/// a lookup scans the list comparing fingerprints (cheaper than hashing into a dictionary); past
/// `scanMax` engines it uses a dictionary.
package struct EngineIndex: Sendable {
    /// The ids in name order; positions index this array.
    package let ids: [EngineID]
    private let positions: [EngineID: Int]
    static let scanMax = 16

    /// `ids` in any order; they are sorted, and must be unique.
    package init(_ ids: [EngineID]) {
        self.ids = ids.sorted()
        // Sorted by name, so a repeated id sits next to its twin (no dictionary needed to find it).
        for (earlier, later) in zip(self.ids, self.ids.dropFirst()) {
            precondition(earlier != later, "engine \(later) configured twice")
        }
        var positions: [EngineID: Int] = [:]
        if self.ids.count > Self.scanMax {
            for (position, id) in self.ids.enumerated() { positions[id] = position }
        }
        self.positions = positions
    }

    package var count: Int { ids.count }

    @inline(__always) package func position(of id: EngineID) -> Int? {
        guard ids.count > Self.scanMax else {
            for position in ids.indices where ids[position] == id { return position }
            return nil
        }
        return positions[id]
    }
}
