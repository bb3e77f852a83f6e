#if canImport(Glibc)
import Glibc
#endif
import CommandLineSupport
import LingosubCLI
import Testing

/// Inputs that are not readable files, outputs that cannot be written, and inputs past the
/// parser's default size: each failure names the file and the reason, with the command's exit code.
@Suite("File errors in subtitles, lint and merge")
struct FileErrorTests {
    func run(_ arguments: [String]) -> (code: Int32, out: String, err: String) {
        let output = BufferedOutput()
        let code = Lingosub.main(arguments, output: output)
        return (code, output.stdout, output.stderr)
    }

    @Test("a directory or a missing file as input says which and why", arguments: [
        ("subtitles", "is a directory, not a file"), ("lint", "is a directory, not a file"),
    ])
    func directoryInput(command: String, reason: String) {
        let directory = TemporaryDirectory()
        let result = run([command, directory.path])
        #expect(result.code == 3)
        #expect(result.err == "lingosub \(command): \(directory.path): \(reason)\n")
        let missing = run([command, directory.path + "/missing.json"])
        #expect(missing.code == 3)
        #expect(missing.err == "lingosub \(command): \(directory.path)/missing.json: cannot open: No such file or directory\n")
    }

    @Test("subtitles --out into a directory that is not there names the reason")
    func unwritableOutput() {
        let directory = TemporaryDirectory()
        let input = directory.write("t.json", SubtitleCommandTests.transcript)
        let out = directory.path + "/no-such-dir/t.srt"
        let result = run(["subtitles", input, "--out", out])
        #expect(result.code == 3)
        #expect(result.err == "lingosub subtitles: \(out): cannot open for writing: No such file or directory\n")
    }

    @Test("subtitles reads lingosub transcribe's JSON output, as wer and merge do")
    func subtitlesOfTranscribeOutput() {
        let directory = TemporaryDirectory()
        let input = directory.write("out.json", TranscribeOutputInputTests.output)
        let result = run(["subtitles", input])
        #expect(result.code == 0, "\(result.err)")
        #expect(result.out == "1\n00:00:00,000 --> 00:00:01,000\nhello world\n\n")
    }

    @Test("lint refuses a file that is not UTF-8, naming the line")
    func lintNotUTF8() {
        let directory = TemporaryDirectory()
        let path = directory.path + "/latin1.srt"
        let bytes: [UInt8] = Array("1\n00:00:01,000 --> 00:00:02,000\ncaf".utf8) + [0xE9] + Array("\n\n".utf8)
        writeBytes(bytes, to: path)
        let result = run(["lint", path])
        #expect(result.code == 3)
        #expect(result.err == "lingosub lint: \(path):3: not valid UTF-8\n")
    }

    @Test("a transcript JSON over 8 MiB (the protocol's message size) is still read", arguments: ["subtitles", "merge"])
    func largeTranscript(command: String) {
        let directory = TemporaryDirectory()
        let padding = String(repeating: " ", count: 9 << 20)
        let input = directory.write("big.json", SubtitleCommandTests.transcript + padding)
        let result = run([command, input])
        #expect(result.code == 0, "\(result.err)")
        #expect(result.err == "")
    }

    func writeBytes(_ bytes: [UInt8], to path: String) {
        let file = fopen(path, "wb")
        _ = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        fclose(file)
    }
}
