/// A JSON value did not have the shape a type needs. `path` names the member
/// (`segments[2].words[0].start`; empty for the top-level value).
public struct JSONDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Stable string id of the problem.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        package enum Storage: String, Sendable, Hashable {
            case missingMember = "missing_member"
            case wrongType = "wrong_type"
            case invalidValue = "invalid_value"
        }
        package let storage: Storage

        public var id: String { storage.rawValue }
        public var description: String { storage.rawValue }

        /// A required member is absent.
        public static var missingMember: Self { .init(storage: .missingMember) }
        /// A member has the wrong JSON type (a string where a number belongs).
        public static var wrongType: Self { .init(storage: .wrongType) }
        /// The type is right but the value is not (a fractional segment id, a number that overflows Double).
        public static var invalidValue: Self { .init(storage: .invalidValue) }
    }

    public let code: Code
    public let path: String
    /// What was expected (`"number"`, `"integer"`), for humans.
    public let expected: String

    public init(code: Code, path: String, expected: String) {
        self.code = code
        self.path = path
        self.expected = expected
    }

    /// This error as the decoder of an enclosing value reports it: `start` inside `words[2]` becomes
    /// `words[2].start`, the top level of `words[2]` becomes `words[2]`; an empty `prefix` changes nothing.
    package func within(_ prefix: String) -> JSONDecodingError {
        if prefix.isEmpty { return self }
        return JSONDecodingError(code: code, path: path.isEmpty ? prefix : "\(prefix).\(path)", expected: expected)
    }

    public var description: String {
        "\(code.id) at \(path.isEmpty ? "top level" : path): expected \(expected)"
    }

    /// The -32602 error for request params that failed to decode:
    /// `data` is `{"name": "invalid_params", "reason": description, "member": path}` (SPEC 8.1).
    public var invalidParamsError: RPCError {
        RPCError(.invalidParams, reason: description, extra: ["member": .string(path)])
    }
}
