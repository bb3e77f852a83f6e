/// A JSON value (RFC 8259) that keeps what a round trip must not lose:
/// the exact spelling of numbers (integers beyond Int64, `1.0` vs `1`) and the order of object members.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)
}

/// A JSON number kept as its source text, so ids such as `18446744073709551616` echo exactly.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The number exactly as written in JSON (validated against the RFC 8259 grammar).
    public let text: String

    /// Wraps already-validated JSON number text. Use `init?(validating:)` for untrusted text.
    package init(unchecked text: String) { self.text = text }

    public init(_ value: Int) { self.text = String(value) }
    public init(_ value: Int64) { self.text = String(value) }
    public init(_ value: UInt64) { self.text = String(value) }

    public var description: String { text }

    /// The value as an integer, when it is one that fits (`2`, `-7`; not `2.0`, not `1e3`).
    public var int64: Int64? { Int64(text) }
    public var int: Int? { plainInt ?? Int(text) }
    /// The value as a Double (may round for long mantissas): `exactDouble` when it applies, else `Double(text)`.
    public var double: Double? { exactDouble ?? Double(text) }
}

/// A JSON object with its members in source order. Lookup returns the last member with a name,
/// as most parsers do for duplicate names.
public struct JSONObject: Sendable, Hashable, ExpressibleByDictionaryLiteral {
    /// The members, as structs: arrays of them are copied and destroyed by compiled value witnesses
    /// (the runtime's generic tuple witnesses cost more than the parsing on the decode path).
    package private(set) var storage: [JSONMember]

    /// The members in source order.
    public var members: [(key: String, value: JSONValue)] { storage.map { (key: $0.key, value: $0.value) } }

    public init() { storage = [] }
    public init(_ members: [(String, JSONValue)]) { storage = members.map { JSONMember(key: $0.0, value: $0.1) } }
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self.init(elements) }
    package init(members: [(key: String, value: JSONValue)]) {
        storage = members.map { JSONMember(key: $0.key, value: $0.value) }
    }
    /// Takes members as they are (the parser's path: no re-mapping copy).
    package init(storage: [JSONMember]) { self.storage = storage }

    public var keys: [String] { storage.map(\.key) }
    public var count: Int { storage.count }

    public subscript(key: String) -> JSONValue? {
        get {
            // Unequal lengths settle most mismatches without the out-of-line string comparison.
            let count = key.utf8.count
            return storage.last(where: { $0.key.utf8.count == count && $0.key == key })?.value
        }
        set {
            storage.removeAll { $0.key == key }
            if let newValue { storage.append(JSONMember(key: key, value: newValue)) }
        }
    }

    public func contains(_ key: String) -> Bool { storage.contains { $0.key == key } }

    public static func == (a: JSONObject, b: JSONObject) -> Bool {
        a.storage.count == b.storage.count
            && zip(a.storage, b.storage).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage.count)
        for member in storage { hasher.combine(member.key); hasher.combine(member.value) }
    }
}

/// One member of a `JSONObject`.
package struct JSONMember: Sendable {
    package var key: String
    package var value: JSONValue

    package init(key: String, value: JSONValue) {
        self.key = key
        self.value = value
    }
}

extension JSONValue {
    public var stringValue: String? { if case .string(let s) = self { s } else { nil } }
    public var boolValue: Bool? { if case .bool(let b) = self { b } else { nil } }
    public var numberValue: JSONNumber? { if case .number(let n) = self { n } else { nil } }
    public var doubleValue: Double? { numberValue?.double }
    public var intValue: Int? { numberValue?.int }
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { a } else { nil } }
    public var objectValue: JSONObject? { if case .object(let o) = self { o } else { nil } }
    public var isNull: Bool { self == .null }

    /// Member lookup on objects; nil for other values.
    public subscript(key: String) -> JSONValue? { objectValue?[key] }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(JSONNumber(value)) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(JSONObject(elements)) }
    public init(nilLiteral: ()) { self = .null }
}
