import CommandLineSupport

/// `lssim replay TRACE`: re-runs the scenario named in the trace header (seed, faults, mode) and
/// checks that the new trace is byte-for-byte the old one; exit 1 naming the first differing line.
package enum ReplayCommand: Subcommand {
    package static let name = "replay"
    package static let summary = "re-run a trace's scenario from its header and verify byte equality"
    static let usage = "usage: lssim replay TRACE\n"

    package static func run(_ arguments: [String], output: any CommandOutput) -> Int32 {
        let parsed: ParsedArguments
        do {
            parsed = try ArgumentSpec(positionalsMax: 1).parse(arguments)
        } catch {
            output.err("lssim replay: \(error)\n" + usage)
            return 2
        }
        if parsed.has("help") {
            output.out(usage)
            return 0
        }
        guard let path = parsed.positionals.first else {
            output.err("lssim replay: a TRACE is needed\n" + usage)
            return 2
        }
        do {
            let old = try ScenarioFiles.read(path)
            let firstLine = Array(old.prefix { $0 != 0x0A })
            guard let header = TraceHeader(line: firstLine) else {
                output.err("lssim replay: \(path) does not start with an lssim trace header\n")
                return 2
            }
            let new = rerun(header, scenario: try ScenarioFiles.scenario(header.scenarioPath))
            guard new != old else {
                let lines = old.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
                output.out("replay identical: \(lines) lines, \(old.count) bytes, fnv1a \(TraceWriter.hex(TraceWriter.fnv1a(old)))\n")
                return 0
            }
            output.out("replay DIFFERS at line \(firstDifferentLine(old, new)) "
                + "(old \(TraceWriter.hex(TraceWriter.fnv1a(old))), new \(TraceWriter.hex(TraceWriter.fnv1a(new))))\n")
            return 1
        } catch {
            output.err("lssim replay: \(error)\n")
            return 2
        }
    }

    /// The trace bytes of a fresh run configured by `header`.
    package static func rerun(_ header: TraceHeader, scenario: Scenario) -> [UInt8] {
        if header.expectations {
            return ScenarioRunner.run(scenario, path: header.scenarioPath, seed: header.seed, faults: header.faults).trace
        }
        var explorer = Explorer(scenario: scenario, path: header.scenarioPath)
        explorer.checksExpectations = false
        return explorer.run(seed: header.seed, faults: header.faults, trace: true).trace
    }

    static func firstDifferentLine(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var line = 1
        for index in 0..<min(a.count, b.count) {
            if a[index] != b[index] { return line }
            if a[index] == 0x0A { line += 1 }
        }
        return line
    }
}
