import Wire

/// JSON-RPC lines a scripted engine writes, each ending in `\n`.
package enum RPCLines {
    package static func result(id: JSONValue, _ result: JSONValue) -> [UInt8] {
        line(["jsonrpc": "2.0", "id": id, "result": result])
    }

    package static func error(id: JSONValue, code: Int, message: String) -> [UInt8] {
        line(["jsonrpc": "2.0", "id": id,
              "error": ["code": .number(JSONNumber(code)), "message": .string(message), "data": ["reason": .string(message)]]])
    }

    package static func notification(_ method: String, _ params: JSONValue) -> [UInt8] {
        line(["jsonrpc": "2.0", "method": .string(method), "params": params])
    }

    package static func line(_ object: JSONObject) -> [UInt8] {
        var bytes: [UInt8] = []
        JSONValue.object(object).serialize(into: &bytes)
        bytes.append(0x0A)
        return bytes
    }

    /// `n` thousandths as JSON number text (`1.25`), exact and platform independent.
    package static func thousandths(_ value: UInt64) -> JSONValue {
        let whole = value / 1_000
        let fraction = value % 1_000
        if fraction == 0 { return .number(JSONNumber(whole)) }
        var digits = String(fraction)
        digits = String(repeating: "0", count: 3 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return .number(JSONNumber(unchecked: "\(whole).\(digits)"))
    }

    /// A line that is not JSON (for garbage faults), deterministic in `index`.
    package static func garbage(_ index: Int) -> [UInt8] {
        Array("\u{1}garbage \(index) {not json".utf8) + [0x0A]
    }
}
