/// CLOCK_MONOTONIC, as elapsed time since this clock was made (so values start near zero).
package struct MonotonicClock: Sendable {
    /// Nanoseconds on the system's monotonic clock when this clock was made.
    package let originNs: UInt64

    package init() {
        originNs = PosixClock.monotonicNs()
    }

    /// The system's monotonic clock, not relative to the origin.
    package static func systemNs() -> UInt64 { PosixClock.monotonicNs() }

    package func nowNs() -> UInt64 { PosixClock.monotonicNs() - originNs }

    package func nowMs() -> UInt64 { nowNs() / 1_000_000 }
}
