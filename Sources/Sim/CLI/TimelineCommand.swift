import CommandLineSupport

/// `lssim timeline TRACE --html OUT`: a self-contained HTML/SVG timeline of a trace.
package enum TimelineCommand: Subcommand {
    package static let name = "timeline"
    package static let summary = "render a trace as a self-contained HTML/SVG timeline"
    static let usage = "usage: lssim timeline TRACE --html OUT\n"

    package static func run(_ arguments: [String], output: any CommandOutput) -> Int32 {
        let parsed: ParsedArguments
        do {
            parsed = try ArgumentSpec(options: ["html"], positionalsMax: 1).parse(arguments)
        } catch {
            output.err("lssim timeline: \(error)\n" + usage)
            return 2
        }
        if parsed.has("help") {
            output.out(usage)
            return 0
        }
        guard let path = parsed.positionals.first, let out = parsed.value("html") else {
            output.err("lssim timeline: a TRACE and --html OUT are needed\n" + usage)
            return 2
        }
        do {
            let model = TimelineModel(trace: try ScenarioFiles.read(path))
            try ScenarioFiles.write(Array(TimelineRenderer.html(model).utf8), to: out)
            output.out("wrote \(out): \(model.engines.count) engine lanes, \(model.tasks.count) task lanes, 0–\(model.endMs) ms\n")
            return 0
        } catch {
            output.err("lssim timeline: \(error)\n")
            return 2
        }
    }
}
