extension JSONValue {
    /// `.number` for finite doubles (see `JSONNumber.init?(_: Double)`), `.null` otherwise.
    public static func double(_ value: Double) -> JSONValue {
        guard let number = JSONNumber(value) else { return .null }
        return .number(number)
    }
}
