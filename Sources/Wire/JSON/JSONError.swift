/// Why a JSON text was rejected, and where (byte offset into the input).
/// Tests and reports compare `code`; `description` is for humans.
public struct JSONError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, as a stable string id (`"trailing_comma"`, `"invalid_utf8"`, …).
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        package enum Storage: String, Sendable, Hashable {
            case unexpectedEnd = "unexpected_end"
            case unexpectedCharacter = "unexpected_character"
            case trailingComma = "trailing_comma"
            case trailingContent = "trailing_content"
            case leadingZero = "leading_zero"
            case invalidNumber = "invalid_number"
            case invalidLiteral = "invalid_literal"
            case invalidEscape = "invalid_escape"
            case loneSurrogate = "lone_surrogate"
            case controlCharacter = "control_character"
            case invalidUTF8 = "invalid_utf8"
            case byteOrderMark = "byte_order_mark"
            case depthExceeded = "depth_exceeded"
            case inputTooLarge = "input_too_large"
        }
        package let storage: Storage
        package init(_ storage: Storage) { self.storage = storage }

        /// The stable string id.
        public var id: String { storage.rawValue }
        public var description: String { storage.rawValue }

        /// The input ended inside a value (or was empty).
        public static var unexpectedEnd: Self { .init(.unexpectedEnd) }
        /// A byte that cannot start or continue the value here (including whitespace other than
        /// space, tab, CR and LF, and non-ASCII characters outside strings).
        public static var unexpectedCharacter: Self { .init(.unexpectedCharacter) }
        /// `[1,]` or `{"a":1,}`.
        public static var trailingComma: Self { .init(.trailingComma) }
        /// Something other than whitespace after the top-level value.
        public static var trailingContent: Self { .init(.trailingContent) }
        /// `01`, `-00`.
        public static var leadingZero: Self { .init(.leadingZero) }
        /// `+1`, `.5`, `1.`, `1e`, `-`, `-Infinity`.
        public static var invalidNumber: Self { .init(.invalidNumber) }
        /// A misspelt `true`/`false`/`null`, or `NaN`/`Infinity`.
        public static var invalidLiteral: Self { .init(.invalidLiteral) }
        /// `\x`, `\u12G4` in a string.
        public static var invalidEscape: Self { .init(.invalidEscape) }
        /// `\uD800` without a following low surrogate escape, or a lone `\uDC00`.
        public static var loneSurrogate: Self { .init(.loneSurrogate) }
        /// A raw U+0000–U+001F inside a string.
        public static var controlCharacter: Self { .init(.controlCharacter) }
        /// Bytes that are not well-formed UTF-8 (overlong, surrogates, > U+10FFFF, truncated).
        public static var invalidUTF8: Self { .init(.invalidUTF8) }
        /// The input starts with a UTF-8 byte order mark (RFC 8259 §8.1: must not be added).
        public static var byteOrderMark: Self { .init(.byteOrderMark) }
        /// Arrays/objects nested deeper than `JSONLimits.depthMax`.
        public static var depthExceeded: Self { .init(.depthExceeded) }
        /// The input is longer than `JSONLimits.bytesMax`.
        public static var inputTooLarge: Self { .init(.inputTooLarge) }
    }

    public let code: Code
    /// Byte offset into the input where the problem was found.
    public let offset: Int

    public init(code: Code, offset: Int) {
        self.code = code
        self.offset = offset
    }

    public var description: String { "\(code.id) at byte \(offset)" }
}
