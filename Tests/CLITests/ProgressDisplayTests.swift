import CommandLineSupport
import LingosubCLI
import Testing

@Suite("Progress display")
struct ProgressDisplayTests {
    @Test("on a terminal each file has a bar redrawn in place, messages go above the bars")
    func terminal() {
        let output = BufferedOutput()
        let display = ProgressDisplay(mode: .terminal, output: output, files: ["/a/hello.wav", "/b/count.wav"], engines: ["x", "y"])
        display.update(file: 0, engine: 0, permille: 500)
        display.message("engine x: ready")
        display.update(file: 0, engine: 0, permille: 500)  // unchanged: no redraw
        #expect(output.stderr ==
            "hello.wav [######------------------]  25%\ncount.wav [------------------------]   0%\n"
            + "\u{1B}[2A\u{1B}[J" + "engine x: ready\n"
            + "hello.wav [######------------------]  25%\ncount.wav [------------------------]   0%\n")
    }

    @Test("on a terminal the latest draft text follows the bar, its tail when long")
    func drafts() {
        let output = BufferedOutput()
        let display = ProgressDisplay(mode: .terminal, output: output, files: ["/a/hello.wav"], engines: ["x"])
        display.draft(file: 0, text: "hello world")
        display.draft(file: 0, text: String(repeating: "ab ", count: 20))
        #expect(output.stderr ==
            "hello.wav [------------------------]   0%  hello world\n" + "\u{1B}[1A\u{1B}[J"
            + "hello.wav [------------------------]   0%  …" + String(String(repeating: "ab ", count: 20).suffix(35)) + "\n")
    }

    @Test("without a terminal progress is a line per quarter and engine; quiet prints nothing")
    func lines() {
        let output = BufferedOutput()
        let display = ProgressDisplay(mode: .lines, output: output, files: ["/a/hello.wav"], engines: ["x"])
        for permille: UInt32 in [0, 100, 333, 400, 667, 1_000] { display.update(file: 0, engine: 0, permille: permille) }
        display.reset(file: 0, engine: 0)
        display.update(file: 0, engine: 0, permille: 0)
        #expect(output.stderr == "hello.wav [x] 0%\nhello.wav [x] 25%\nhello.wav [x] 50%\nhello.wav [x] 100%\nhello.wav [x] 0%\n")
        let quiet = BufferedOutput()
        let silent = ProgressDisplay(mode: .quiet, output: quiet, files: ["/a/hello.wav"], engines: ["x"])
        silent.update(file: 0, engine: 0, permille: 1_000)
        silent.message("engine x: ready")
        #expect(quiet.stderr == "")
    }

    @Test("control characters in draft text and file names become spaces, so the redraw stays in place")
    func controlCharacters() {
        let output = BufferedOutput()
        let display = ProgressDisplay(mode: .terminal, output: output, files: ["/a/x\ny.wav"], engines: ["x"])
        display.draft(file: 0, text: "one\ntwo\r\n\u{1B}[2J")
        display.draft(file: 0, text: "three")
        #expect(output.stderr ==
            "x y.wav [------------------------]   0%  one two [2J\n" + "\u{1B}[1A\u{1B}[J"
            + "x y.wav [------------------------]   0%  three\n")
    }
}
