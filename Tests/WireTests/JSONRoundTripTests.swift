import Testing
import Wire

@Suite("JSON round trip")
struct JSONRoundTripTests {
    @Test("parse(serialize(v)) == v for generated values", arguments: [UInt64(1), 2, 3, 42, 0xDEAD_BEEF, 2026])
    func roundTrip(seed: UInt64) throws {
        var generator = JSONValueGenerator(random: SeededGenerator(seed: seed))
        for iteration in 0..<300 {
            let value = generator.value(depth: 0)
            let bytes = value.serializedBytes()
            let parsed = try JSONParser.parse(bytes)
            #expect(parsed == value, "seed \(seed) iteration \(iteration)")
            #expect(parsed.serializedBytes() == bytes, "seed \(seed) iteration \(iteration)")
            #expect(!bytes.contains(0x0A), "seed \(seed) iteration \(iteration)")
        }
    }

    @Test("the generator is reproducible")
    func generatorIsStable() {
        var random = SeededGenerator(seed: 0)
        #expect([random.next(), random.next()] == [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4])
    }
}
