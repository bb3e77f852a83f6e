/// The arming number of a timer (from 1, one per `arm`): identifies one arming, so a queue entry
/// whose arming was cancelled, fired or moved is recognised as stale.
struct TimerSequence: CounterID {
    var value: UInt64

    init(_ value: UInt64) { self.value = value }

    static func < (a: Self, b: Self) -> Bool { a.value < b.value }
}
