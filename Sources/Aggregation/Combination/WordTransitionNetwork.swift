import Wire

/// ROVER's word transition network: a sequence of slots, each holding one arc per system (a word or
/// the null arc). Built by adding one system at a time, in the order given: the new system's words
/// are aligned to the slots with sclite's costs (0 for a word already in the slot, 4 otherwise,
/// 3 for a deletion or an insertion) plus `timeWeightPerSecond` × the distance between the slot's and
/// the word's mid times, which separates otherwise equal choices (it outweighs the word costs only for
/// times tens of seconds apart). A deleted slot gets a null
/// arc from the new system; an inserted word opens a slot with null arcs for the earlier systems.
package struct WordTransitionNetwork: Sendable {
    package struct Slot: Sendable {
        /// One arc per system so far; nil is the null arc.
        package var arcs: [Word?]

        var midSeconds: Double {
            var sum = 0.0
            var count = 0
            for case let word? in arcs {
                sum += (word.startSeconds + word.endSeconds) / 2
                count += 1
            }
            return count == 0 ? 0 : sum / Double(count)
        }

        func contains(_ text: String) -> Bool {
            arcs.contains { $0.map { WeightedAlignment.sameText($0.text, text) } ?? false }
        }
    }

    package static let timeWeightPerSecond = 0.1

    package private(set) var slots: [Slot]
    package private(set) var systemCount: Int

    package init(first words: [Word]) {
        slots = words.map { Slot(arcs: [$0]) }
        systemCount = 1
    }

    package mutating func add(_ words: [Word]) throws(AggregationError) {
        let existing = slots
        let mids = existing.map(\.midSeconds)
        let pairs = try WeightedAlignment.align(
            referenceCount: existing.count, hypothesisCount: words.count,
            isSame: { existing[$0].contains(words[$1].text) },
            pairCost: { slot, index in
                let word = words[index]
                let distance = abs(mids[slot] - (word.startSeconds + word.endSeconds) / 2)
                return (existing[slot].contains(word.text) ? 0 : 4) + Self.timeWeightPerSecond * distance
            },
            deletionCost: { _ in 3 }, insertionCost: { _ in 3 })
        var rebuilt: [Slot] = []
        rebuilt.reserveCapacity(pairs.count)
        for pair in pairs {
            switch (pair.referenceIndex, pair.hypothesisIndex) {
            case let (slot?, index?):
                rebuilt.append(Slot(arcs: existing[slot].arcs + [words[index]]))
            case let (slot?, nil):
                rebuilt.append(Slot(arcs: existing[slot].arcs + [nil]))
            case let (nil, index?):
                rebuilt.append(Slot(arcs: [Word?](repeating: nil, count: systemCount) + [words[index]]))
            case (nil, nil):
                preconditionFailure("alignment pair without either side")
            }
        }
        slots = rebuilt
        systemCount += 1
    }
}
