import Wire

extension JSONSerializer {
    /// Appends `literal` as it is (JSON punctuation and member names known to need no escaping).
    @inline(__always)
    mutating func appendLiteral(_ literal: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }
}
