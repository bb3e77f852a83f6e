import CommandLineSupport
import LingosubCLI
import Testing

@Suite("wer and merge read lingosub transcribe's JSON output")
struct TranscribeOutputInputTests {
    static let output = """
        {"audio":"/a.wav","results":[{"engine":"bad","status":"failed","error":{"code":-32010}},\
        {"engine":"ref","status":"completed","transcript":{"language":"en","duration":1.0,"segments":[\
        {"id":0,"start":0.0,"end":1.0,"text":"hello world","words":[\
        {"word":"hello","start":0.0,"end":0.5},{"word":"world","start":0.5,"end":1.0}]}]}}]}
        """

    func run(_ arguments: [String]) -> (code: Int32, out: String, err: String) {
        let output = BufferedOutput()
        let code = Lingosub.main(arguments, output: output)
        return (code, output.stdout, output.stderr)
    }

    @Test("the first engine with a transcript is scored")
    func firstTranscript() {
        let directory = TemporaryDirectory()
        let reference = directory.write("ref.txt", "hello there\n")
        let hypothesis = directory.write("out.json", Self.output)
        let result = run(["wer", reference, hypothesis, "--json"])
        #expect(result.code == 0, "\(result.err)")
        #expect(result.out == #"{"wer":0.5,"mer":0.5,"wil":0.75,"wip":0.25,"hits":1,"substitutions":1,"deletions":0,"insertions":0}"# + "\n")
    }

    @Test("an output where every engine failed is a clear error naming the file")
    func everyEngineFailed() {
        let directory = TemporaryDirectory()
        let reference = directory.write("ref.txt", "hello\n")
        let hypothesis = directory.write("out.json", #"{"audio":"/a.wav","results":[{"engine":"x","status":"failed"}]}"#)
        let result = run(["wer", reference, hypothesis])
        #expect(result.code == 1)
        #expect(result.err.contains("out.json: transcribe output without a transcript (every engine failed)"))
    }
}
