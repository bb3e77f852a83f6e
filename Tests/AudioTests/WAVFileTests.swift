import Audio
import Testing

@Suite("WAV codec")
struct WAVFileTests {
    @Test("encode then decode gives the same file", arguments: [(8_000, 1), (16_000, 2), (44_100, 1)])
    func roundTrip(sampleRate: Int, channels: Int) throws {
        let samples: [Int16] = (0..<200).map { Int16(truncatingIfNeeded: $0 * 331 - 30_000) }
        let file = WAVFile(sampleRate: sampleRate, channels: channels, samples: samples)
        let bytes = file.encoded()
        #expect(bytes.count == 44 + 400)
        #expect(Array(bytes[0..<4]) == Array("RIFF".utf8))
        #expect(try WAVFile(bytes: bytes) == file)
    }

    @Test("header bytes are canonical")
    func headerBytes() {
        let bytes = WAVFile(sampleRate: 8_000, channels: 1, samples: [1, -1]).encoded()
        #expect(bytes == [
            0x52, 0x49, 0x46, 0x46, 40, 0, 0, 0, 0x57, 0x41, 0x56, 0x45,
            0x66, 0x6D, 0x74, 0x20, 16, 0, 0, 0, 1, 0, 1, 0, 0x40, 0x1F, 0, 0, 0x80, 0x3E, 0, 0, 2, 0, 16, 0,
            0x64, 0x61, 0x74, 0x61, 4, 0, 0, 0, 1, 0, 0xFF, 0xFF,
        ])
    }

    @Test("stereo is averaged to mono")
    func mono() {
        let file = WAVFile(sampleRate: 8_000, channels: 2, samples: [100, 300, -4, 2])
        #expect(file.monoSamples() == [200, -1])
        #expect(file.frameCount == 2)
    }

    @Test("unknown chunks before data are skipped, odd sizes padded")
    func skipsChunks() throws {
        var bytes = WAVFile(sampleRate: 8_000, channels: 1, samples: [7, 8]).encoded()
        let list: [UInt8] = Array("LIST".utf8) + [3, 0, 0, 0, 1, 2, 3, 0]
        bytes.insert(contentsOf: list, at: 36)
        #expect(try WAVFile(bytes: bytes).samples == [7, 8])
    }

    @Test("bad input is rejected with a stable code", arguments: [
        ([UInt8](), "not_riff"),
        (Array("RIFF\u{0}\u{0}\u{0}\u{0}AVI ".utf8), "not_wave"),
        (Array("RIFF\u{4}\u{0}\u{0}\u{0}WAVE".utf8), "missing_fmt_chunk"),
    ])
    func rejects(bytes: [UInt8], code: String) {
        #expect(throws: WAVError.self) { try WAVFile(bytes: bytes) }
        do { _ = try WAVFile(bytes: bytes) } catch { #expect(error.code.id == code) }
    }

    @Test("8-bit and float WAVs are unsupported encodings")
    func rejectsEncodings() {
        var bytes = WAVFile(sampleRate: 8_000, channels: 1, samples: [1]).encoded()
        bytes[34] = 8
        do { _ = try WAVFile(bytes: bytes); Issue.record("accepted 8-bit") } catch {
            #expect(error.code == .unsupportedEncoding)
        }
        bytes[34] = 16
        bytes[20] = 3
        do { _ = try WAVFile(bytes: bytes); Issue.record("accepted float") } catch {
            #expect(error.code == .unsupportedEncoding)
        }
    }

    @Test("a data chunk larger than the file is truncated audio (SPEC 10.1-MUST-2)")
    func truncatedData() throws {
        var bytes = WAVFile(sampleRate: 8_000, channels: 1, samples: [5, 6, 7]).encoded()
        bytes.removeLast(3)
        do { _ = try WAVFile(bytes: bytes); Issue.record("accepted a truncated data chunk") } catch {
            #expect(error.code == .truncated)
            #expect(error.detail == "data chunk declares 6 bytes, 3 present")
        }
    }

    @Test("a streaming data size (0xFFFFFFFF) takes the whole frames present")
    func streamingSize() throws {
        var bytes = WAVFile(sampleRate: 8_000, channels: 1, samples: [5, 6, 7]).encoded()
        bytes.replaceSubrange(40..<44, with: [0xFF, 0xFF, 0xFF, 0xFF])
        bytes.removeLast(1)
        #expect(try WAVFile(bytes: bytes).samples == [5, 6])
    }
}
