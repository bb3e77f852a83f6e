/// A failure reading subtitles or a profile. Parse errors name the 1-based line and column (columns count
/// Unicode scalars, after any byte order mark); profile errors name the JSON key.
/// Tests and reports use `code.id`, which is stable; `detail` is for people.
public struct SubtitleError: Error, Sendable, Hashable, CustomStringConvertible {
    public var code: Code
    /// 1-based line of the problem, for parse errors.
    public var line: Int?
    /// 1-based column (Unicode scalars) of the problem, for parse errors.
    public var column: Int?
    /// The JSON key at fault, for profile errors (`lineCharactersMax`).
    public var key: String?
    public var detail: String

    package init(_ code: Code, line: Int? = nil, column: Int? = nil, key: String? = nil, detail: String) {
        self.code = code
        self.line = line
        self.column = column
        self.key = key
        self.detail = detail
    }

    public var description: String {
        var place = ""
        if let line { place += "line \(line)" }
        if let column { place += (place.isEmpty ? "" : ", ") + "column \(column)" }
        if let key { place += (place.isEmpty ? "" : ", ") + "key '\(key)'" }
        return (place.isEmpty ? "" : place + ": ") + "\(code.id): \(detail)"
    }

    /// An opaque error code with a stable string id.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        package enum Storage: String, Sendable {
            case missingSignature = "missing_signature"
            case badSequenceNumber = "bad_sequence_number"
            case badTimestamp = "bad_timestamp"
            case missingArrow = "missing_arrow"
            case arrowInCueText = "arrow_in_cue_text"
            case unexpectedBlock = "unexpected_block"
            case blockAfterCue = "block_after_cue"
            case unexpectedEnd = "unexpected_end"
            case tooManyCues = "too_many_cues"
            case profileUnknownKey = "profile_unknown_key"
            case profileWrongType = "profile_wrong_type"
            case profileOutOfRange = "profile_out_of_range"
            case profileUnknownBase = "profile_unknown_base"
        }
        package let storage: Storage
        package init(_ storage: Storage) { self.storage = storage }

        /// The stable id (`bad_timestamp`).
        public var id: String { storage.rawValue }
        public var description: String { id }

        /// A WebVTT file does not start with `WEBVTT` followed by a space, tab or line end.
        public static var missingSignature: Self { .init(.missingSignature) }
        /// An SRT block does not start with a sequence number.
        public static var badSequenceNumber: Self { .init(.badSequenceNumber) }
        /// A timestamp is malformed (digits, separators, minutes or seconds over 59).
        public static var badTimestamp: Self { .init(.badTimestamp) }
        /// A timing line lacks `-->` between its timestamps.
        public static var missingArrow: Self { .init(.missingArrow) }
        /// A cue's text contains `-->`, which the formats forbid.
        public static var arrowInCueText: Self { .init(.arrowInCueText) }
        /// A WebVTT block that is neither a cue, a NOTE, a STYLE nor a REGION block.
        public static var unexpectedBlock: Self { .init(.unexpectedBlock) }
        /// A WebVTT STYLE or REGION block after the first cue.
        public static var blockAfterCue: Self { .init(.blockAfterCue) }
        /// The input ends inside a cue (an SRT number without a timing line).
        public static var unexpectedEnd: Self { .init(.unexpectedEnd) }
        /// More cues than `SubtitleLimits.cuesMax`.
        public static var tooManyCues: Self { .init(.tooManyCues) }
        /// A custom profile has a key we do not know.
        public static var profileUnknownKey: Self { .init(.profileUnknownKey) }
        /// A custom profile's value has the wrong JSON type.
        public static var profileWrongType: Self { .init(.profileWrongType) }
        /// A custom profile's value is outside its allowed range.
        public static var profileOutOfRange: Self { .init(.profileOutOfRange) }
        /// A custom profile extends a profile that does not exist.
        public static var profileUnknownBase: Self { .init(.profileUnknownBase) }
    }
}
