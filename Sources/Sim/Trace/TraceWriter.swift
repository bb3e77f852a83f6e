import Core
import Wire

/// Builds a JSONL trace in memory: the header, one line per coordinator input with the virtual time
/// and every action returned (Core's trace JSON: fixed member order, integer times, shortest
/// round-trip doubles), and an end line, so equal runs give equal bytes.
package struct TraceWriter: Sendable {
    package private(set) var bytes: [UInt8] = []
    package private(set) var lineCount = 0

    package init(header: TraceHeader) { write(header.json) }

    mutating func write(_ value: JSONValue) {
        value.serialize(into: &bytes)
        bytes.append(0x0A)
        lineCount += 1
    }

    package mutating func append(atMs: UInt64, input: CoordinatorInput, actions: [CoordinatorAction]) {
        var out: [JSONValue] = []
        out.reserveCapacity(actions.count)
        for action in actions { out.append(action.json) }
        write(["t": .number(JSONNumber(atMs)), "in": input.json, "out": .array(out)])
    }

    /// The last line: time, counts and the violations found.
    package mutating func finish(atMs: UInt64, inputs: UInt64, violations: [SimViolation], unseed: UInt64) {
        let found: [JSONValue] = violations.map {
            ["id": .string($0.id), "detail": .string($0.detail), "t": .number(JSONNumber($0.atMs))]
        }
        write(["end": [
            "t": .number(JSONNumber(atMs)), "inputs": .number(JSONNumber(inputs)),
            "unseed": .number(JSONNumber(unseed)), "violations": .array(found),
        ]])
    }

    /// FNV-1a 64 of the bytes (offset basis 0xcbf29ce484222325, prime 0x100000001b3).
    package var hash: UInt64 { Self.fnv1a(bytes) }

    package static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    package static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
