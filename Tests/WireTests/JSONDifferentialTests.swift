import Testing
import Wire

@Suite("JSON parser against a plain reference parser")
struct JSONDifferentialTests {
    static let interestingBytes: [UInt8] = [
        0x22, 0x5C, 0x5B, 0x5D, 0x7B, 0x7D, 0x2C, 0x3A, 0x00, 0x1F, 0x20, 0x09, 0x0A, 0x0D, 0x0C, 0x30, 0x31, 0x2D,
        0x2B, 0x2E, 0x65, 0x75, 0x6E, 0x74, 0x80, 0xBF, 0xC0, 0xC2, 0xE0, 0xE2, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF,
    ]

    @Test("mutated documents get the same verdict and value from both parsers", arguments: [UInt64(7), 8, 9, 10, 11, 12])
    func mutations(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        var generator = JSONValueGenerator(random: SeededGenerator(seed: seed &+ 1000))
        var accepted = 0
        for iteration in 0..<400 {
            var bytes = generator.value(depth: 0).serializedBytes()
            if random.below(3) > 0 {
                bytes = Array(repeating: 0x20, count: random.below(3)) + bytes + Array(repeating: 0x20, count: random.below(20))
            }
            for _ in 0..<(1 + random.below(3)) where !bytes.isEmpty {
                let position = random.below(bytes.count)
                switch random.below(4) {
                case 0: bytes.remove(at: position)
                case 1: bytes.insert(Self.interestingBytes[random.below(Self.interestingBytes.count)], at: position)
                default: bytes[position] = Self.interestingBytes[random.below(Self.interestingBytes.count)]
                }
            }
            let ours = try? JSONParser.parse(bytes)
            let reference = ReferenceJSONParser.parse(bytes)
            #expect(ours == reference, "seed \(seed) iteration \(iteration): \(bytes)")
            if ours != nil { accepted += 1 }
        }
        #expect(accepted > 20, "seed \(seed): too few mutations survive to compare values")
    }

    @Test("unmutated generated documents agree too", arguments: [UInt64(21), 22])
    func clean(seed: UInt64) {
        var generator = JSONValueGenerator(random: SeededGenerator(seed: seed))
        for iteration in 0..<300 {
            let value = generator.value(depth: 0)
            #expect(ReferenceJSONParser.parse(value.serializedBytes()) == value, "seed \(seed) iteration \(iteration)")
        }
    }
}
