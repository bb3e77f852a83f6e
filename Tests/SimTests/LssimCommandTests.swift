import CommandLineSupport
import Foundation
import Sim
import Testing

@Suite("lssim commands")
struct LssimCommandTests {
    @Test("a broken expectation exits 1 and prints the exact replay command")
    func brokenScenario() throws {
        let directory = Fixtures.temporaryDirectory("broken")
        let path = directory + "/broken.json"
        let json = """
        {"name": "broken", "seed": 99, "runMs": 5000, "engines": [{"id": "e1"}],
         "steps": [{"atMs": 0, "submit": {"as": "t1"}}],
         "expect": {"final": {"tasks": {"t1": "failed"}}}}
        """
        try ScenarioFiles.write(Array(json.utf8), to: path)
        let output = BufferedOutput()
        #expect(Lssim.main(["run", path, "--seed", "5"], output: output) == 1)
        #expect(output.stdout.contains("FAIL broken seed 5"))
        #expect(output.stdout.contains("expectation final task t1: completed, expected failed"))
        #expect(output.stdout.contains("replay: swift run lssim run \(path) --seed 5\n"))
    }

    @Test("run writes a trace that replay re-creates byte for byte, and timeline renders it")
    func traceReplayTimeline() throws {
        let directory = Fixtures.temporaryDirectory("replay")
        let trace = directory + "/poison.jsonl"
        let scenario = Fixtures.scenariosDirectory + "/poison-quarantined.json"
        let output = BufferedOutput()
        #expect(Lssim.main(["run", scenario, "--trace", trace], output: output) == 0)
        #expect(Lssim.main(["replay", trace], output: output) == 0)
        #expect(output.stdout.contains("replay identical"))
        let html = directory + "/poison.html"
        #expect(Lssim.main(["timeline", trace, "--html", html], output: output) == 0)
        let page = String(decoding: try ScenarioFiles.read(html), as: UTF8.self)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("<svg"))
        #expect(page.contains("quarantined"))
        #expect(!page.contains("<script"))
    }

    @Test("replay notices a trace that was changed")
    func replayDetectsChange() throws {
        let directory = Fixtures.temporaryDirectory("tamper")
        let trace = directory + "/happy.jsonl"
        let output = BufferedOutput()
        #expect(Lssim.main(["run", Fixtures.scenariosDirectory + "/happy-path.json", "--trace", trace], output: output) == 0)
        var bytes = try ScenarioFiles.read(trace)
        let index = bytes.lastIndex(of: UInt8(ascii: "1"))!
        bytes[index] = UInt8(ascii: "2")
        try ScenarioFiles.write(bytes, to: trace)
        #expect(Lssim.main(["replay", trace], output: output) == 1)
        #expect(output.stdout.contains("replay DIFFERS at line"))
    }

    @Test("usage errors exit 2")
    func usage() {
        let output = BufferedOutput()
        #expect(Lssim.main(["run"], output: output) == 2)
        #expect(Lssim.main(["run", "x.json", "--seed", "minus"], output: output) == 2)
        #expect(Lssim.main(["explore", "x.json", "--seeds", "0"], output: output) == 2)
        #expect(Lssim.main(["frobnicate"], output: output) == 2)
    }

    @Test("a usage error goes to stderr with the reason; --help goes to stdout with exit 0", arguments: [
        (["replay"], "lssim replay: a TRACE is needed"), (["replay", "a", "b"], "lssim replay: "),
        (["timeline", "t.jsonl"], "lssim timeline: a TRACE and --html OUT are needed"),
        (["timeline", "t.jsonl", "--colour"], "lssim timeline: "), (["run"], "lssim run: a scenario FILE is needed"),
        (["explore"], "lssim explore: a scenario FILE is needed"),
    ])
    func usageOnStderr(arguments: [String], message: String) {
        let output = BufferedOutput()
        #expect(Lssim.main(arguments, output: output) == 2)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr.hasPrefix(message))
        let help = BufferedOutput()
        #expect(Lssim.main([arguments[0], "--help"], output: help) == 0)
        #expect(help.stdout.hasPrefix("usage: lssim \(arguments[0])"))
    }
}

@Suite("lssim explore")
struct LssimExploreTests {
    @Test("explore prints failing seeds with replay commands and a shrunk schedule that still fails")
    func exploreFailure() throws {
        let directory = Fixtures.temporaryDirectory("explore")
        let path = directory + "/stuck.json"
        let json = """
        {"name": "stuck", "seed": 1, "runMs": 5000,
         "engines": [{"id": "e1", "script": {"process": {"requests": {"outcome": "hang"}}}}],
         "steps": [{"atMs": 0, "submit": {"as": "t1"}}],
         "explore": {"liveness": true, "livenessMs": 20000, "faultsMax": 3}}
        """
        try ScenarioFiles.write(Array(json.utf8), to: path)
        let output = BufferedOutput()
        #expect(Lssim.main(["explore", path, "--seeds", "3", "--out", directory], output: output) == 1)
        #expect(output.stdout.contains("explored 3 seeds (1...3): 3 failing"))
        #expect(output.stdout.contains("FAIL seed 1"))
        #expect(output.stdout.contains("liveness"))
        #expect(output.stdout.contains("replay: swift run lssim run \(path) --seed 2 --explore\n"))
        let faults = directory + "/stuck.seed-1.faults.json"
        #expect(output.stdout.contains("minimal replay: swift run lssim run \(path) --seed 1 --explore --faults \(faults)"))
        #expect(try ScenarioFiles.read(faults) == Array("[]\n".utf8))
        let rerun = BufferedOutput()
        #expect(Lssim.main(["run", path, "--seed", "1", "--explore", "--faults", faults], output: rerun) == 1)
        #expect(rerun.stdout.contains("invariant [25000 ms] liveness: 1 task(s) unfinished"))
    }
}
