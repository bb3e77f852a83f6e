extension JSONSerializer {
    /// Appends `literal` as it is (JSON punctuation and member names known to need no escaping).
    @inlinable @inline(__always)
    package mutating func appendLiteral(_ literal: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// `write(.double(value))`, with the values every transcription writes, +0 and 1 (progress ends,
    /// real-time factors), as the literals `Double.description` gives for them.
    package mutating func writeDouble(_ value: Double) {
        if value.bitPattern == 0 { return appendLiteral("0.0") }  // +0 only: -0 is "-0.0"
        if value == 1 { return appendLiteral("1.0") }
        write(.double(value))
    }
}
