/// A failure of an aggregation function, with a stable code (tests assert codes, not messages).
public struct AggregationError: Error, Sendable, Hashable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        enum Storage: String, Sendable {
            case emptyReference = "empty_reference"
            case countMismatch = "count_mismatch"
            case noInputs = "no_inputs"
            case invalidParameter = "invalid_parameter"
            case inputTooLarge = "input_too_large"
        }

        let storage: Storage

        /// A reference sentence is empty after the transform (jiwer 4 would score it as all insertions).
        public static var emptyReference: Self { .init(storage: .emptyReference) }
        /// References and hypotheses differ in number.
        public static var countMismatch: Self { .init(storage: .countMismatch) }
        /// Nothing to combine or compare.
        public static var noInputs: Self { .init(storage: .noInputs) }
        /// A parameter is out of its range.
        public static var invalidParameter: Self { .init(storage: .invalidParameter) }
        /// An alignment would need more cells than `WeightedAlignment.cellsMax`.
        public static var inputTooLarge: Self { .init(storage: .inputTooLarge) }

        /// Stable id for reports and JSON ("empty_reference", …).
        public var id: String { storage.rawValue }
        public var description: String { id }
    }

    public var code: Code
    public var detail: String
    /// The 0-based sentence (line) the error is about, when there is one.
    public var sentenceIndex: Int?

    public init(code: Code, detail: String, sentenceIndex: Int? = nil) {
        self.code = code
        self.detail = detail
        self.sentenceIndex = sentenceIndex
    }

    public var description: String { "\(code.id): \(detail)" }
}
