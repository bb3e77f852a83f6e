import Wire

extension JSONValue {
    /// A finite Double as a JSON number in Swift's shortest round-trip spelling (as Python's `repr`);
    /// non-finite values become null.
    static func double(_ value: Double) -> JSONValue {
        guard value.isFinite else { return .null }
        return .number(JSONNumber(unchecked: "\(value)"))
    }

    static func int(_ value: Int) -> JSONValue { .number(JSONNumber(value)) }
}
