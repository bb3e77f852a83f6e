/// Request→reply latency through the driver next to the echo-pair yardstick.
package struct RoundTripReport: Sendable, Equatable, CustomStringConvertible {
    package var samples = 0
    package var driverP50Ns: UInt64 = 0
    package var driverP99Ns: UInt64 = 0
    package var baselineP50Ns: UInt64 = 0
    package var baselineP99Ns: UInt64 = 0
    /// Why the run is incomplete, if it is.
    package var failure: String?

    package init() {}

    package var ratioP50: Double { baselineP50Ns == 0 ? 0 : Double(driverP50Ns) / Double(baselineP50Ns) }
    package var ratioP99: Double { baselineP99Ns == 0 ? 0 : Double(driverP99Ns) / Double(baselineP99Ns) }

    package var description: String {
        let micros = { (ns: UInt64) in "\(ns / 1_000) µs" }
        return "\(samples) round trips: driver p50 \(micros(driverP50Ns)) p99 \(micros(driverP99Ns)); "
            + "echo pair p50 \(micros(baselineP50Ns)) p99 \(micros(baselineP99Ns)); "
            + "ratio p50 \(ratioP50.formatted2) p99 \(ratioP99.formatted2)" + (failure.map { "; FAILED: \($0)" } ?? "")
    }

    /// The `q`-quantile (0...1) of `samples` by the nearest-rank method; 0 when empty.
    package static func quantile(_ q: Double, of samples: [UInt64]) -> UInt64 {
        guard !samples.isEmpty else { return 0 }
        let sorted = samples.sorted()
        let rank = Int((q * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }
}

extension Double {
    fileprivate var formatted2: String {
        let hundredths = Int((self * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
