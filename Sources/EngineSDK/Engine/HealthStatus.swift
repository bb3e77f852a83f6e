import Wire

/// A `health_check` result (SPEC 6.2): a status and a detail object.
public struct HealthStatus: Sendable, Hashable {
    /// The four statuses of the protocol.
    public enum Status: String, Sendable, Hashable {
        case ok, loading, degraded, error
    }

    public var status: Status
    /// Free-form detail; give a `reason` for every status but `ok`.
    public var detail: JSONObject

    public init(_ status: Status, detail: JSONObject = JSONObject()) {
        self.status = status
        self.detail = detail
    }

    /// Ready to transcribe.
    public static var ok: HealthStatus { HealthStatus(.ok) }

    /// `status` with `detail.reason`.
    public static func status(_ status: Status, reason: String) -> HealthStatus {
        HealthStatus(status, detail: ["reason": .string(reason)])
    }

    /// `{"status":…,"detail":{…}}`.
    public var json: JSONValue {
        .object(JSONObject(members: [(key: "status", value: .string(status.rawValue)), (key: "detail", value: .object(detail))]))
    }
}
