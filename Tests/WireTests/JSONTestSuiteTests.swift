import Testing
import Wire

private func bytes(hex: String) -> [UInt8] {
    var result: [UInt8] = []
    var iterator = hex.utf8.makeIterator()
    while let high = iterator.next(), let low = iterator.next() {
        result.append(UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)!)
    }
    return result
}

@Suite("JSONTestSuite (nst) conformance")
struct JSONTestSuiteTests {
    @Test("every y_ case is accepted and round-trips through the serializer")
    func accepted() throws {
        for testCase in JSONTestSuite.accepted {
            let value: JSONValue
            do {
                value = try JSONParser.parse(bytes(hex: testCase.hex))
            } catch {
                Issue.record("\(testCase.name): \(error)")
                continue
            }
            #expect(try JSONParser.parse(value.serializedBytes()) == value, "\(testCase.name)")
        }
        #expect(JSONTestSuite.accepted.count == 95)
    }

    @Test("every n_ case is rejected with its recorded code")
    func rejected() {
        for testCase in JSONTestSuite.rejected {
            do {
                _ = try JSONParser.parse(bytes(hex: testCase.hex))
                Issue.record("\(testCase.name) was accepted")
            } catch {
                #expect(error.code.id == testCase.code, "\(testCase.name)")
            }
        }
        #expect(JSONTestSuite.rejected.count == 186)
    }

    @Test("the two huge n_ cases are rejected by the depth limit")
    func hugeRejections() {
        let openArrays = [UInt8](repeating: UInt8(ascii: "["), count: 100_000)
        #expect(throws: JSONError(code: .depthExceeded, offset: 128)) { try JSONParser.parse(openArrays) }
        let openArrayObject = Array(String(repeating: #"[{"":"#, count: 50_000).utf8) + [0x0A]
        #expect(throws: JSONError(code: .depthExceeded, offset: 320)) { try JSONParser.parse(openArrayObject) }
    }

    @Test("implementation-defined i_ cases get our documented decision")
    func implementationDefined() {
        for testCase in JSONTestSuite.implementationDefined {
            do {
                _ = try JSONParser.parse(bytes(hex: testCase.hex))
                #expect(testCase.code == nil, "\(testCase.name) was accepted")
            } catch {
                #expect(error.code.id == testCase.code, "\(testCase.name)")
            }
        }
        #expect(JSONTestSuite.implementationDefined.count == 35)
    }
}
