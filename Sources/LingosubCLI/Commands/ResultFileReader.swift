import Wire

/// Reads the inputs of `wer`, `merge` and `compare`: text files with one utterance per line, or
/// transcript JSON files (a `transcribe` result, or `lingosub transcribe --format json` output). Errors name the file, and the line where there is one.
enum ResultFileReader {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// One input file: its lines, or its transcript when it is JSON (first non-blank byte `{`).
    enum Content {
        case lines([String])
        case transcript(Transcript)

        /// The whole input as one utterance.
        var text: String {
            switch self {
            case .lines(let lines): lines.joined(separator: " ")
            case .transcript(let transcript): transcript.text
            }
        }
    }

    /// Bound on any input file; a JSON file may use all of it (the parser's default is one protocol message).
    static let fileBytesMax = InputFile.bytesMaxDefault
    static let jsonLimits: JSONLimits = {
        var limits = JSONLimits()
        limits.bytesMax = fileBytesMax
        return limits
    }()

    static func bytes(_ path: String) throws(Failure) -> [UInt8] {
        do { return try InputFile.read(path, bytesMax: fileBytesMax) } catch { throw Failure(description: error.description) }
    }

    static func content(_ path: String) throws(Failure) -> Content {
        let data = try bytes(path)
        if data.first(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) == UInt8(ascii: "{") {
            return .transcript(try transcript(path, data: data))
        }
        return .lines(try lines(path, data: data))
    }

    static func transcript(_ path: String) throws(Failure) -> Transcript {
        try transcript(path, data: try bytes(path))
    }

    static func transcript(_ path: String, data: [UInt8]) throws(Failure) -> Transcript {
        let value: JSONValue
        do {
            value = try JSONParser.parse(data, limits: jsonLimits)
        } catch {
            let (line, column) = position(of: error.offset, in: data)
            throw Failure(description: "\(path):\(line):\(column): invalid JSON (\(error.code.id))")
        }
        do {
            return try Transcript(json: try unwrapTranscribeOutput(value, path: path))
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(description: "\(path): not a transcript: \(error)")
        }
    }

    /// `lingosub transcribe --format json` writes `{"audio", "results": [{"engine", "status",
    /// "transcript" | "error"}]}`: take the first result that has a transcript (in `--engine` order);
    /// a plain transcript is returned as it is.
    static func unwrapTranscribeOutput(_ value: JSONValue, path: String) throws -> JSONValue {
        guard let results = value["results"]?.arrayValue, value["audio"] != nil else { return value }
        for result in results {
            if let transcript = result["transcript"] { return transcript }
        }
        throw Failure(description: "\(path): transcribe output without a transcript (every engine failed)")
    }

    /// The whole file as text; invalid UTF-8 fails naming the first bad line.
    static func text(_ path: String, data: [UInt8]) throws(Failure) -> String {
        if let text = String(validating: data, as: UTF8.self) { return text }
        _ = try lines(path, data: data)
        throw Failure(description: "\(path): not valid UTF-8")
    }

    /// Lines split at LF (a CR before it is dropped); a final newline does not start another line.
    static func lines(_ path: String, data: [UInt8]) throws(Failure) -> [String] {
        var result: [String] = []
        var start = 0
        var number = 1
        while start < data.count {
            var end = start
            while end < data.count, data[end] != 0x0A { end += 1 }
            var lineEnd = end
            if lineEnd > start, data[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            guard let line = String(validating: data[start..<lineEnd], as: UTF8.self) else {
                throw Failure(description: "\(path):\(number): not valid UTF-8")
            }
            result.append(line)
            start = end + 1
            number += 1
        }
        return result
    }

    /// 1-based line and column (in bytes) of a byte offset.
    static func position(of offset: Int, in data: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for index in 0..<min(offset, data.count) where data[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        return (line, offset - lineStart + 1)
    }
}
