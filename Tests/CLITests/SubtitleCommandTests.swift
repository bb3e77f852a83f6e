import CommandLineSupport
import LingosubCLI
import Testing

@Suite("lingosub subtitles and lint")
struct SubtitleCommandTests {
    static let transcript = """
        {"language":"en","duration":3.0,"segments":[{"id":0,"start":0.5,"end":2.5,"text":"Hello there, my friend.",
        "words":[{"word":"Hello","start":0.5,"end":0.9},{"word":"there,","start":0.9,"end":1.3},
        {"word":"my","start":1.5,"end":1.7},{"word":"friend.","start":1.7,"end":2.5}]}]}
        """

    func run(_ arguments: [String]) -> (code: Int32, out: String, err: String) {
        let output = BufferedOutput()
        let code = Lingosub.main(arguments, output: output)
        return (code, output.stdout, output.stderr)
    }

    @Test("subtitles writes SRT for a transcript and lint finds it clean")
    func subtitlesThenLint() {
        let directory = TemporaryDirectory()
        let input = directory.write("t.json", Self.transcript)
        let srt = run(["subtitles", input, "--profile", "netflix-en", "--format", "srt"])
        #expect(srt.code == 0)
        #expect(srt.out == "1\n00:00:00,500 --> 00:00:02,500\nHello there, my friend.\n\n")
        directory.write("t.srt", srt.out)
        let lint = run(["lint", directory.path + "/t.srt", "--profile", "netflix-en"])
        #expect(lint.code == 0)
        #expect(lint.out == "0 findings in 1 cues (profile netflix-en)\n")
    }

    @Test("lint exits 1 on a violation and names cue, rule and values")
    func lintViolation() {
        let directory = TemporaryDirectory()
        let path = directory.write("bad.srt", "1\n00:00:01,000 --> 00:00:09,000\nToo long on screen.\n")
        let lint = run(["lint", path, "--json"])
        #expect(lint.code == 1)
        #expect(lint.out.contains(#""rule":"netflix.max-duration""#))
    }

    @Test("usage and input errors have their own exit codes", arguments: [
        (["lint"], Int32(2)),
        (["lint", "/nonexistent/x.srt"], Int32(3)),
        (["subtitles", "/nonexistent/x.json", "--format", "srt"], Int32(3)),
        (["lint", "x.srt", "--profile", "no-such-profile"], Int32(2)),
    ])
    func exitCodes(arguments: [String], code: Int32) {
        #expect(run(arguments).code == code)
    }
}
