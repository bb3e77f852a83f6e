import Testing
import Wire

@Suite("JSON parser member names")
struct JSONParserKeyTests {
    @Test("names of every length around the 8- and 16-byte boundaries parse exactly, far from and near the end",
          arguments: [0, 1, 6, 7, 8, 9, 14, 15, 16, 17, 31])
    func lengths(length: Int) throws {
        let name = String((0..<length).map { Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8($0 % 26))) })
        let padding = String(repeating: " ", count: 20)
        for text in [#"{"\#(name)":1,"\#(name)x":2}\#(padding)"#, #"{"\#(name)":1,"\#(name)x":2}"#] {
            let value = try JSONParser.parse(text)
            #expect(value.objectValue?.keys == [name, name + "x"], "\(text)")
        }
    }

    @Test("names with escapes, non-ASCII or quotes-in-words take the general path and parse exactly")
    func unusualNames() throws {
        let text = #"{"a\"b":1,"\u0041":2,"é":3,"中文键":4,"a/b":5,"tab\tname":6,"sp ace":7,"😀":8}"#
        let value = try JSONParser.parse(text)
        #expect(value.objectValue?.keys == ["a\"b", "A", "é", "中文键", "a/b", "tab\tname", "sp ace", "😀"])
    }

    @Test("the protocol's names, near misses of them and other names mixed in one document parse exactly")
    func protocolNames() throws {
        let names = [
            "jsonrpc", "id", "method", "params", "result", "error", "protocolVersion", "maxMessageBytes", "start",
            "end", "words", "word", "segments", "segment", "Start", "star", "starts", "wordz", "i", "ids", "jsonrpc2",
            "protocolVersio", "maxMessageBytes1", "a", "b", "c", "d", "e", "f", "g", "h", "k", "l", "confidence", "x",
        ]
        for count in [1, 8, 9, names.count] {
            let chosen = Array(names.prefix(count))
            let text = "{" + chosen.enumerated().map { #""\#($1)":\#($0)"# }.joined(separator: ",") + "}"
            let padded = "[" + text + "," + text + "]" + String(repeating: " ", count: 20)
            #expect(try JSONParser.parse(text).objectValue?.keys == chosen, "\(text)")
            #expect(try JSONParser.parse(padded).arrayValue?.map { $0.objectValue?.keys ?? [] } == [chosen, chosen])
        }
    }

    @Test("short string values, known to the protocol or not, parse exactly wherever they end")
    func shortValues() throws {
        let values = ["2.0", "progress", "en", "", "x", "2.00", "progres", "health_check", "fifteen bytes!!", "sixteen bytes!!!",
                      "tab\there", "é", "a\"b", "decoding", "ok", "1.0", "hello", "world", "the", "a", "b", "c", "d"]
        let json = values.map { JSONValue.string($0).serializedString }
        for count in 1...values.count {
            let text = "[" + json.prefix(count).joined(separator: ",") + "]"
            for padded in [text, text + String(repeating: " ", count: 20), #"{"v":\#(text)}"#] {
                let value = try JSONParser.parse(padded)
                let strings = (value.arrayValue ?? value["v"]?.arrayValue ?? []).map { $0.stringValue ?? "?" }
                #expect(strings == Array(values.prefix(count)), "\(padded)")
            }
        }
    }

    @Test("repeated and colliding names in one document all come back right")
    func manyNames() throws {
        var text = "["
        for round in 0..<3 {
            if round > 0 { text += "," }
            text += "{" + (0..<500).map { #""k\#($0)":\#($0)"# }.joined(separator: ",") + "}"
        }
        text += "]"
        let value = try JSONParser.parse(text)
        let expected = (0..<500).map { "k\($0)" }
        for element in value.arrayValue ?? [] {
            #expect(element.objectValue?.keys == expected)
            #expect(element["k499"] == 499)
        }
        #expect(value.arrayValue?.count == 3)
    }

    @Test("errors inside short names keep their codes and offsets", arguments: [
        (Array("{\"ab\u{01}c\":1}                ".utf8), JSONError(code: .controlCharacter, offset: 4)),
        ([0x7B, 0x22, 0x61, 0xFF, 0x22, 0x3A, 0x31, 0x7D] + Array(repeating: 0x20, count: 16),
         JSONError(code: .invalidUTF8, offset: 3)),
        (Array(#"{"a\x":1}                "#.utf8), JSONError(code: .invalidEscape, offset: 3)),
        (Array(#"{"abc                    "#.utf8), JSONError(code: .unexpectedEnd, offset: 25)),
        (Array(#"{"abc"                   "#.utf8), JSONError(code: .unexpectedEnd, offset: 25)),
    ])
    func nameErrors(bytes: [UInt8], error: JSONError) {
        #expect(throws: error) { try JSONParser.parse(bytes) }
    }
}
