/// Shrinks a failing fault schedule (QuickCheck-style): drop faults one at a time while the run still
/// fails the same way, then halve durations and garbage line counts while it still fails. Bounded by
/// `runsMax` re-runs. "The same way" is decided by `stillFails`.
package struct Shrinker {
    package var runsMax = 500
    package private(set) var runs = 0

    package init() {}

    package mutating func shrink(
        _ faults: [FaultSpec], stillFails: ([FaultSpec]) -> Bool
    ) -> [FaultSpec] {
        var current = faults
        var removedOne = true
        while removedOne && runs < runsMax {
            removedOne = false
            var index = 0
            while index < current.count && runs < runsMax {
                var candidate = current
                candidate.remove(at: index)
                runs += 1
                if stillFails(candidate) {
                    current = candidate
                    removedOne = true
                } else {
                    index += 1
                }
            }
        }
        for index in current.indices {
            while runs < runsMax, current[index].durationMs > 1 {
                var candidate = current
                candidate[index].durationMs /= 2
                runs += 1
                guard stillFails(candidate) else { break }
                current = candidate
            }
            while runs < runsMax, current[index].lines > 1 {
                var candidate = current
                candidate[index].lines /= 2
                runs += 1
                guard stillFails(candidate) else { break }
                current = candidate
            }
        }
        return current
    }
}
