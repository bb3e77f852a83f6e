import Wire

/// JSON-RPC lines a scripted engine writes, each ending in `\n`. The envelopes are written straight
/// into bytes (the same bytes Wire's serializer gives for the `JSONValue` tree, members in the order
/// shown in each doc comment); every id, string and caller-supplied value goes through that serializer.
package enum RPCLines {
    /// `{"jsonrpc":"2.0","id":…,"result":…}`
    package static func result(id: JSONValue, _ result: JSONValue) -> [UInt8] {
        var out = start()
        out.appendLiteral("\"id\":")
        out.write(id)
        out.appendLiteral(",\"result\":")
        out.write(result)
        return end(&out)
    }

    /// `{"jsonrpc":"2.0","id":…,"error":{"code":…,"message":…,"data":{"reason":…}}}`
    package static func error(id: JSONValue, code: Int, message: String) -> [UInt8] {
        var out = start()
        out.appendLiteral("\"id\":")
        out.write(id)
        out.appendLiteral(",\"error\":{\"code\":")
        out.write(.number(JSONNumber(code)))
        out.appendLiteral(",\"message\":")
        out.write(string: message)
        out.appendLiteral(",\"data\":{\"reason\":")
        out.write(string: message)
        out.appendLiteral("}}")
        return end(&out)
    }

    /// `{"jsonrpc":"2.0","method":…,"params":…}`
    package static func notification(_ method: String, _ params: JSONValue) -> [UInt8] {
        var out = start()
        out.appendLiteral("\"method\":")
        out.write(string: method)
        out.appendLiteral(",\"params\":")
        out.write(params)
        return end(&out)
    }

    package static func line(_ object: JSONObject) -> [UInt8] {
        var bytes: [UInt8] = []
        JSONValue.object(object).serialize(into: &bytes)
        bytes.append(0x0A)
        return bytes
    }

    /// `{"jsonrpc":"2.0",` with room for a typical line.
    static func start() -> JSONSerializer {
        var out = JSONSerializer()
        out.bytes.reserveCapacity(lineBytesReserved)
        out.appendLiteral("{\"jsonrpc\":\"2.0\",")
        return out
    }

    /// Closes the envelope and the line. (`inout`: a copy of `out` would make the append copy the bytes.)
    static func end(_ out: inout JSONSerializer) -> [UInt8] {
        out.appendLiteral("}\n")
        return out.bytes
    }

    /// Decimal text of `value` (as `JSONNumber(value)` writes it).
    static func writeInt(_ value: Int, _ out: inout JSONSerializer) {
        guard value >= 0 else { return out.write(.number(JSONNumber(value))) }
        writeDigits(UInt64(value), &out)
    }

    static let lineBytesReserved = 256

    /// `n` thousandths as JSON number text (`1.25`), exact and platform independent.
    package static func thousandths(_ value: UInt64) -> JSONValue {
        var out = JSONSerializer()
        writeThousandths(value, &out)
        return .number(JSONNumber(unchecked: String(decoding: out.bytes, as: UTF8.self)))
    }

    /// Writes `thousandths(value)`'s text: the whole part, then `.` and the fraction without
    /// trailing zeros when there is one.
    static func writeThousandths(_ value: UInt64, _ out: inout JSONSerializer) {
        writeDigits(value / 1_000, &out)
        var fraction = value % 1_000
        guard fraction != 0 else { return }
        out.bytes.append(UInt8(ascii: "."))
        var divisor: UInt64 = 100
        while fraction != 0 {
            out.bytes.append(UInt8(ascii: "0") + UInt8(fraction / divisor))
            fraction %= divisor
            divisor /= 10
        }
    }

    /// Decimal digits of `value`.
    static func writeDigits(_ value: UInt64, _ out: inout JSONSerializer) {
        guard value >= 10 else { return out.bytes.append(UInt8(ascii: "0") + UInt8(value)) }
        writeDigits(value / 10, &out)
        out.bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
    }

    /// A line that is not JSON (for garbage faults), deterministic in `index`.
    package static func garbage(_ index: Int) -> [UInt8] {
        Array("\u{1}garbage \(index) {not json".utf8) + [0x0A]
    }
}
