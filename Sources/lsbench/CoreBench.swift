import CommandLineSupport
import Core
import Foundation
import Sim

/// `lsbench core`: the coordinator core's speed and the simulator's time compression.
///
/// For the crash-loop scenario, the 10,000-task scheduler scenario and its benchmark companion with
/// speech-engine timings (`bench-10k-tasks-realistic-timings`: 4-6 s transcriptions with progress and
/// drafts; reported separately, labelled) it reports, best of `--rounds`:
/// (a) the whole simulator (scripted engines, real wire bytes through pipes chunked under the seed,
/// no trace, no checks): coordinator inputs/s, simulator events/s and virtual-time compression
/// (virtual ms per wall ms); (b) the core alone: the same recorded inputs replayed into a bare
/// `Coordinator` (inputs/s, actions/s). "core events/s" is inputs + actions: the records a JSONL
/// trace holds (one line per input with its actions). Then `lssim explore` seeds per minute on a small
/// scenario with every check on.
enum CoreBench: Subcommand {
    static let name = "core"
    static let summary = "core events/s and virtual-time compression"
    static let usage = "usage: lsbench core [--rounds N (3)] [--scenarios DIR (Scenarios)] [--explore-seconds S (10)]"
        + " [--only A,B (measure scenarios whose file name contains A or B; `explore`: the explore figure)]\n"

    static func run(_ arguments: [String], output: any CommandOutput) -> Int32 {
        let rounds: Int
        let exploreSeconds: Int
        let directory: String
        let only: [String]
        do {
            let parsed = try ArgumentSpec(options: ["rounds", "scenarios", "explore-seconds", "only"]).parse(arguments)
            if parsed.has("help") {
                output.out(usage)
                return 0
            }
            rounds = try parsed.int("rounds", default: 3, range: 1...50)
            exploreSeconds = try parsed.int("explore-seconds", default: 10, range: 1...600)
            directory = parsed.value("scenarios") ?? "Scenarios"
            only = parsed.value("only")?.split(separator: ",").map(String.init) ?? []
        } catch {
            output.err("lsbench core: \(error)\n" + usage)
            return 2
        }
        do {
            let selected = { (name: String) in only.isEmpty || only.contains(where: { name.contains($0) }) }
            for (name, repeats) in Self.measured where selected(name) {
                let scenario = try ScenarioFiles.scenario("\(directory)/\(name)")
                if name == Self.realisticTimings {
                    output.out("-- separate bench scenario (realistic request timings; not the issue's 10k scenario):\n")
                }
                measureWorld(scenario, repeats: repeats, rounds: rounds, output: output)
                measureCore(scenario, repeats: repeats, rounds: rounds, output: output)
            }
            guard selected("explore") else { return 0 }
            let explore = try ScenarioFiles.scenario("\(directory)/crash-mid-request-requeue.json")
            measureExplore(explore, path: "\(directory)/crash-mid-request-requeue.json", seconds: exploreSeconds, output: output)
            return 0
        } catch {
            output.err("lsbench core: \(error)\n")
            return 2
        }
    }

    static let realisticTimings = "bench-10k-tasks-realistic-timings.json"
    /// Scenario files and how many runs make one measurement.
    static let measured = [
        ("crash-loop-until-failed.json", 2_000), ("scheduler-10k-tasks.json", 1), (realisticTimings, 1),
    ]

    /// CPU seconds of this process (the figures are also given per CPU second: the bench machine is shared).
    static func cpuSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// Wall and CPU seconds of `body`.
    static func measured(_ body: () -> Void) -> (wall: Double, cpu: Double) {
        let cpuStart = cpuSeconds()
        let wall = seconds(ContinuousClock().measure(body))
        return (wall, cpuSeconds() - cpuStart)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func format(_ value: Double) -> String {
        value >= 100 ? String(format: "%.0f", value) : String(format: "%.3f", value)
    }

    static func measureWorld(_ scenario: Scenario, repeats: Int, rounds: Int, output: any CommandOutput) {
        var best = Double.infinity
        var bestCPU = Double.infinity
        var inputs: UInt64 = 0
        var actions: UInt64 = 0
        var events: UInt64 = 0
        var virtualMs: UInt64 = 0
        for _ in 0..<rounds {
            inputs = 0
            actions = 0
            events = 0
            virtualMs = 0
            let elapsed = measured {
                for _ in 0..<repeats {
                    let world = SimWorld(scenario: scenario, seed: scenario.seed, options: .bench)
                    world.runScenario()
                    inputs += world.inputsHandled
                    actions += world.actionsPerformed
                    events += world.scheduledEventCount
                    virtualMs += world.nowMs
                }
            }
            best = min(best, elapsed.wall)
            bestCPU = min(bestCPU, elapsed.cpu)
        }
        output.out("\(scenario.name) x\(repeats), simulator (wire bytes, chunked pipes): \(inputs) core inputs, "
            + "\(events) sim events, \(virtualMs) virtual ms in \(format(best)) s wall, \(format(bestCPU)) s CPU\n")
        for (label, time) in [("wall", best), ("CPU", bestCPU)] {
            output.out("  per \(label) s: core inputs/s \(format(Double(inputs) / time)), sim events/s "
                + "\(format(Double(events) / time)), compression \(format(Double(virtualMs) / (time * 1_000)))x\n")
            output.out("    core events/s (trace records: inputs + actions) "
                + "\(format(Double(inputs + actions) / time))\n")
        }
    }

    static func measureCore(_ scenario: Scenario, repeats: Int, rounds: Int, output: any CommandOutput) {
        var options = RunOptions.bench
        options.recordInputs = true
        let world = SimWorld(scenario: scenario, seed: scenario.seed, options: options)
        world.runScenario()
        let recorded = world.recordedInputs
        let configuration = scenario.coordinatorConfiguration(seed: world.coordinator.configuration.seed)
        var best = Double.infinity
        var bestCPU = Double.infinity
        var actions = 0
        for _ in 0..<rounds {
            actions = 0
            let elapsed = measured {
                for _ in 0..<repeats {
                    var coordinator = Coordinator(configuration: configuration)
                    for (atMs, input) in recorded { actions += coordinator.handle(input, now: atMs).count }
                }
            }
            best = min(best, elapsed.wall)
            bestCPU = min(bestCPU, elapsed.cpu)
        }
        let inputs = Double(recorded.count * repeats)
        for (label, time) in [("wall", best), ("CPU", bestCPU)] {
            output.out("  core alone (recorded inputs into a bare Coordinator), per \(label) s: \(format(inputs / time)) inputs/s, "
                + "\(format(Double(actions) / time)) actions/s, compression "
                + "\(format(Double(world.nowMs) * Double(repeats) / (time * 1_000)))x\n")
            output.out("    core events/s (trace records: inputs + actions) "
                + "\(format((inputs + Double(actions)) / time))\n")
        }
    }

    static func measureExplore(_ scenario: Scenario, path: String, seconds limit: Int, output: any CommandOutput) {
        let explorer = Explorer(scenario: scenario, path: path)
        let clock = ContinuousClock()
        let cpuStart = cpuSeconds()
        let start = clock.now
        var seeds: UInt64 = 0
        var failing = 0
        while clock.now - start < .seconds(limit) {
            seeds += 1
            if !explorer.run(seed: seeds, faults: explorer.schedule(seed: seeds)).passed { failing += 1 }
        }
        let elapsed = seconds(clock.now - start)
        let cpu = cpuSeconds() - cpuStart
        output.out("lssim explore \(scenario.name) (all checks on): \(seeds) seeds in \(format(elapsed)) s wall "
            + "(\(format(cpu)) s CPU) = \(format(Double(seeds) / elapsed * 60)) seeds/min wall, "
            + "\(format(Double(seeds) / cpu * 60)) per CPU minute, \(failing) failing\n")
    }
}
