import Testing
import Wire

@Suite("JSON number to Double")
struct JSONNumberDoubleTests {
    static func bits(_ value: Double?) -> UInt64? { value?.bitPattern }

    @Test("the fast path equals Double(text) bit for bit", arguments: [
        "0", "-0", "0.0", "-0.0", "1", "-1", "1.5", "0.1", "0.2", "0.3", "2.675", "1e22", "1e23", "1e-22", "1e-23",
        "9007199254740992", "9007199254740993", "900719925474099", "9007199254740991.5", "123456789012345678",
        "0.000001", "1.7976931348623157e308", "5e-324", "1e400", "-1e400", "1e-400", "0e999", "0E+0", "1E+2",
        "12.5e-3", "3.14159265358979", "0.52", "4.999", "1234.5678e-2", "1e+16", "1e-05", "0.30000000000000004",
        "100000000000000000000000", "-12345.678901234e10", "1.0e-7", "99999999999999999999e-30",
    ])
    func fixed(text: String) throws {
        let number = try #require(JSONNumber(validating: text))
        #expect(Self.bits(number.double) == Self.bits(Double(text)), "\(text)")
    }

    @Test("seeded random decimals agree with Double(text)", arguments: [1, 2, 3] as [UInt64])
    func random(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        for _ in 0..<20_000 {
            var text = generator.below(2) == 0 ? "" : "-"
            text += String(generator.below(UInt64(10)) == 0 ? 0 : generator.next() >> generator.below(UInt64(64)))
            if generator.below(2) == 0 { text += "." + String(generator.next() >> generator.below(UInt64(64))) }
            if generator.below(3) == 0 { text += "e" + (generator.below(2) == 0 ? "-" : "") + String(generator.below(UInt64(40))) }
            let number = try #require(JSONNumber(validating: text), "\(text)")
            #expect(Self.bits(number.double) == Self.bits(Double(text)), "seed \(seed): \(text)")
        }
    }

    @Test("shortest round-trip texts of doubles read back exactly")
    func roundTrip() throws {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<20_000 {
            let value = Double(bitPattern: generator.next())
            guard let number = JSONNumber(value) else { continue }
            #expect(Self.bits(number.double) == value.bitPattern, "\(number.text)")
        }
    }
}
