extension JSONValue {
    /// Compact JSON bytes (see `JSONSerializer` rules: deterministic, members in stored order).
    public func serializedBytes() -> [UInt8] {
        var serializer = JSONSerializer()
        serializer.write(self)
        return serializer.bytes
    }

    /// Appends the compact JSON bytes of this value to `bytes`.
    public func serialize(into bytes: inout [UInt8]) {
        var serializer = JSONSerializer(bytes: bytes)
        bytes = []
        serializer.write(self)
        bytes = serializer.bytes
    }

    /// Compact JSON text.
    public var serializedString: String { String(decoding: serializedBytes(), as: UTF8.self) }

    /// Compact JSON followed by `\n`: one NDJSON line (the serializer never writes a raw newline).
    public func encodedLine() -> [UInt8] {
        var bytes = serializedBytes()
        bytes.append(0x0A)
        return bytes
    }
}
