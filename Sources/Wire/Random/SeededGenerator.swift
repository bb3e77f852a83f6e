/// The project's one source of randomness: SplitMix64, passed in by value and seeded explicitly
/// (the core's jitter and fault schedules, the simulator, generated corpora and seeded tests).
///
/// Algorithm (Steele, Lea, Flood 2014; Vigna's reference `splitmix64.c`), all arithmetic wrapping mod 2⁶⁴:
/// ```
/// state = state + 0x9E3779B97F4A7C15
/// z = state
/// z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
/// z = (z ^ (z >> 27)) * 0x94D049BB133111EB
/// return z ^ (z >> 31)
/// ```
/// Seed 0 yields 0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4, 0x06C45D188009454F (checked in tests).
/// It deliberately does not conform to `RandomNumberGenerator`: the stdlib's `random(in:using:)` and
/// `shuffled(using:)` may change their algorithms between Swift versions, so use `below(_:)`.
package struct SeededGenerator: Sendable, Hashable {
    package private(set) var state: UInt64

    package init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0..<bound` (Lemire's multiply-high mapping, without rejection: the bias is below
    /// bound/2⁶⁴). `below(0)` is 0.
    package mutating func below(_ bound: UInt64) -> UInt64 {
        next().multipliedFullWidth(by: bound).high
    }

    /// A value in `0..<bound` for a non-negative `Int` bound (same mapping as `below(_: UInt64)`).
    package mutating func below(_ bound: Int) -> Int {
        precondition(bound >= 0, "below(\(bound))")
        return Int(below(UInt64(bound)))
    }
}
