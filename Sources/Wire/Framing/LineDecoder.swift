/// NDJSON in, one `Result` per non-blank line out: the parsed value, or the `WireError` to reply
/// with (-32700 for bad JSON or UTF-8, -32001 for an oversized line). Lines are parsed straight
/// from the chunk when they lie wholly inside it.
public struct LineDecoder: Sendable {
    public var framer: LineFramer
    public var limits: JSONLimits

    /// `limits` nil means the defaults with `bytesMax = maxLineBytes`.
    public init(maxLineBytes: Int = LineFramer.maxLineBytesDefault, limits: JSONLimits? = nil) {
        framer = LineFramer(maxLineBytes: maxLineBytes)
        if let limits {
            self.limits = limits
        } else {
            var derived = JSONLimits()
            derived.bytesMax = maxLineBytes
            self.limits = derived
        }
    }

    /// The line limit; setting it (after `initialize` negotiated the effective limit) updates both the
    /// framer and the parser's `bytesMax`.
    public var maxLineBytes: Int {
        get { framer.maxLineBytes }
        set {
            precondition(newValue > 0, "maxLineBytes must be positive")
            framer.maxLineBytes = newValue
            limits.bytesMax = newValue
        }
    }

    /// Decodes the lines completed by `chunk`, calling `body` for each in order.
    public mutating func append(
        _ chunk: UnsafeRawBufferPointer, _ body: (Result<JSONValue, WireError>) throws -> Void
    ) rethrows {
        let limits = limits
        let maxLineBytes = framer.maxLineBytes
        try framer.append(chunk) { view in
            switch view {
            case .line(let line):
                try body(Self.decode(line, limits: limits))
            case .oversized(let byteCount):
                try body(.failure(WireError(code: .messageTooLarge, byteCount: byteCount, limitBytes: maxLineBytes)))
            }
        }
    }

    private static func decode(_ line: UnsafeRawBufferPointer, limits: JSONLimits) -> Result<JSONValue, WireError> {
        do throws(JSONError) {
            return .success(try JSONParser.parse(line, limits: limits))
        } catch {
            return .failure(WireError(parsing: error, byteCount: line.count, limits: limits))
        }
    }

    /// Decodes the lines completed by `bytes`.
    public mutating func append(_ bytes: [UInt8]) -> [Result<JSONValue, WireError>] {
        var results: [Result<JSONValue, WireError>] = []
        bytes.withUnsafeBytes { chunk in append(chunk) { results.append($0) } }
        return results
    }

    /// Ends the stream: the error for an unterminated line, if any.
    public mutating func finish() -> WireError? {
        switch framer.finish() {
        case .oversized(let byteCount)?: WireError(code: .messageTooLarge, byteCount: byteCount, limitBytes: framer.maxLineBytes)
        case .truncated(let byteCount)?: WireError(code: .truncatedMessage, byteCount: byteCount)
        case .line?, nil: nil
        }
    }
}
