#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The runner's clock: CLOCK_MONOTONIC in nanoseconds.
package enum MonotonicClock {
    package static func nowNs() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }

    /// `now + milliseconds`, for deadlines.
    package static func deadline(afterMs milliseconds: Int) -> UInt64 {
        nowNs() + UInt64(max(0, milliseconds)) * 1_000_000
    }
}
