import Wire

extension JSONValue {
    static func int(_ value: Int) -> JSONValue { .number(JSONNumber(value)) }
}
