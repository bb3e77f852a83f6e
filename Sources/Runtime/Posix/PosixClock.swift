import Glibc

/// CLOCK_MONOTONIC.
enum PosixClock {
    static func monotonicNs() -> UInt64 {
        var now = timespec()
        let status = clock_gettime(CLOCK_MONOTONIC, &now)
        precondition(status == 0, "clock_gettime(CLOCK_MONOTONIC) failed")
        return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
    }
}
