import Wire

/// Counters behind `get_status` and `get_metrics` (SPEC 6.3, 6.4); never reset by `restart`.
package struct SessionMetrics: Sendable, Hashable {
    package private(set) var succeeded = 0
    package private(set) var failed = 0
    package private(set) var cancelled = 0
    /// Sum and maximum of the succeeded transcriptions' read-to-reply times.
    package private(set) var durationMsTotal = 0
    package private(set) var durationMsMax = 0

    package init() {}

    package var total: Int { succeeded + failed + cancelled }

    package enum Outcome: Sendable { case succeeded(durationMs: Int), failed, cancelled }

    package mutating func record(_ outcome: Outcome) {
        switch outcome {
        case .succeeded(let durationMs):
            succeeded += 1
            durationMsTotal += durationMs
            durationMsMax = max(durationMsMax, durationMs)
        case .failed: failed += 1
        case .cancelled: cancelled += 1
        }
    }

    /// The `get_metrics` result.
    package func json(uptimeMs: Int) -> JSONValue {
        let mean = succeeded == 0 ? 0.0 : Double(durationMsTotal) / Double(succeeded)
        let requests = JSONObject(members: [
            (key: "total", value: .number(JSONNumber(total))), (key: "succeeded", value: .number(JSONNumber(succeeded))),
            (key: "failed", value: .number(JSONNumber(failed))), (key: "cancelled", value: .number(JSONNumber(cancelled))),
        ])
        let durations = JSONObject(members: [
            (key: "count", value: .number(JSONNumber(succeeded))), (key: "mean", value: .double(mean)),
            (key: "max", value: .double(Double(durationMsMax))),
        ])
        return .object(JSONObject(members: [
            (key: "requests", value: .object(requests)), (key: "uptimeMs", value: .number(JSONNumber(uptimeMs))),
            (key: "durationMs", value: .object(durations)),
        ]))
    }
}
