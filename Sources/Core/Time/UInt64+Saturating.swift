extension UInt64 {
    /// `self + other`, or `.max` when the sum does not fit: a deadline past the end of time is "never",
    /// not a trap. Every deadline the core computes from configured or client-given durations uses it,
    /// so no setting or task option can crash the coordinator.
    @inline(__always)
    package func saturatingAdd(_ other: UInt64) -> UInt64 {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? .max : sum
    }

    /// `self × other`, or `.max` when the product does not fit.
    @inline(__always)
    package func saturatingMultiply(_ other: UInt64) -> UInt64 {
        let (product, overflow) = multipliedReportingOverflow(by: other)
        return overflow ? .max : product
    }
}
