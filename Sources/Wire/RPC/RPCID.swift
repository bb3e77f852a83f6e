/// A JSON-RPC request id: a string, a number or null. Numbers compare by their raw JSON text,
/// so `18446744073709551616` echoes exactly and `1` differs from `1.0` and from `"1"`.
public enum RPCID: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    case string(String)
    case number(JSONNumber)
    case null

    public init(_ value: Int) { self = .number(JSONNumber(value)) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self.init(value) }

    /// Reads an id; nil for booleans, arrays and objects.
    public init?(json: JSONValue) {
        switch json {
        case .string(let text): self = .string(text)
        case .number(let number): self = .number(number)
        case .null: self = .null
        case .bool, .array, .object: return nil
        }
    }

    public var json: JSONValue {
        switch self {
        case .string(let text): .string(text)
        case .number(let number): .number(number)
        case .null: .null
        }
    }

    /// The id as JSON text (`"abc"` with quotes, `7`, `null`), for logs.
    public var description: String { json.serializedString }
}
