import CommandLineSupport
import Core
import Foundation
import Runtime

/// `lsbench runtime-soak`: crash/restart cycles of a real `lsref` under the real `RuntimeDriver`, with
/// zero backoff and tasks submitted throughout (run by `ci/soak`, release build).
///
/// The engine is `lsref --crash-after K --step-ms 0`: each process answers K-1 transcriptions, then
/// exits (status 3) on the K-th, which is re-queued and runs on the next process. A few tasks are
/// kept outstanding the whole time. Reports cycles/s and checks the invariants: no zombie child
/// outlives its reaper (sampled every few cycles) or the shutdown, the open descriptor count after
/// the run equals the one before, and every submitted task ended exactly once, completed or failed.
/// Prints `PASS` or `FAIL` and returns 1 on FAIL.
enum RuntimeSoakBench: Subcommand {
    static let name = "runtime-soak"
    static let summary = "real lsref crash/restart cycles: cycles/s, zombies, fds, lost tasks"
    static let usage = """
        usage: lsbench runtime-soak [--cycles N (1000)] [--lsref PATH (next to lsbench)] [--crash-after K (2)]
                                    [--outstanding N (4)] [--timeout-seconds S (150)]

        """

    struct Settings {
        var cycles = 1_000
        var lsref = ""
        var crashAfter = 2
        var outstanding = 4
        var timeoutSeconds = 150
        /// Crashes between two zombie samples.
        var sampleEveryCycles = 10
        /// How long outstanding tasks may take to end once the cycles are done.
        var drainSeconds = 30
    }

    static func run(_ arguments: [String], output: any CommandOutput) -> Int32 {
        var settings = Settings()
        do {
            let parsed = try ArgumentSpec(options: ["cycles", "lsref", "crash-after", "outstanding", "timeout-seconds"])
                .parse(arguments)
            if parsed.has("help") {
                output.out(usage)
                return 0
            }
            settings.cycles = try parsed.int("cycles", default: 1_000, range: 1...100_000)
            settings.crashAfter = try parsed.int("crash-after", default: 2, range: 1...1_000)
            settings.outstanding = try parsed.int("outstanding", default: 4, range: 1...64)
            settings.timeoutSeconds = try parsed.int("timeout-seconds", default: 150, range: 5...3_600)
            settings.lsref = RuntimeBenchFixture.lsrefPath(parsed.value("lsref"))
        } catch {
            output.err("lsbench runtime-soak: \(error)\n" + usage)
            return 2
        }
        do {
            return try soak(settings, output: output) ? 0 : 1
        } catch {
            output.err("lsbench runtime-soak: \(error)\n")
            return 2
        }
    }

    /// A warm-up run (so lazily opened descriptors exist before counting), then the measured run.
    static func soak(_ settings: Settings, output: any CommandOutput) throws -> Bool {
        let directory = try RuntimeBenchFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }  // best effort: a temp dir
        let audio = try RuntimeBenchFixture.writeSilentWAV(in: directory)
        var warmUp = settings
        warmUp.cycles = 3
        warmUp.timeoutSeconds = 30
        let warm = try runDriver(warmUp, audio: audio)
        guard warm.passedTasks, warm.shutDown else {
            output.err("lsbench runtime-soak: the warm-up run failed: \(warm)\n")
            return false
        }
        let descriptorsBefore = try openDescriptorCount()
        let childrenBefore = try children().count
        let cpuStart = CoreBench.cpuSeconds()
        let outcome = try runDriver(settings, audio: audio)
        let cpu = CoreBench.cpuSeconds() - cpuStart
        let descriptorsAfter = try openDescriptorCount()
        let childrenAfter = try children()
        var verdict = Verdict()
        verdict.check(outcome.crashes >= settings.cycles, "\(outcome.crashes) of \(settings.cycles) cycles done")
        verdict.check(!outcome.ledger.failedEngine, "the engine went to Failed")
        verdict.check(outcome.rejections.isEmpty, "submits rejected: \(outcome.rejections.prefix(3))")
        verdict.check(outcome.zombiesPersisting.isEmpty,
            "zombies outlived their reaper: \(outcome.zombiesPersisting.sorted())")
        verdict.check(childrenAfter.count == childrenBefore,
            "children left after shutdown: \(childrenAfter.sorted { $0.key < $1.key })")
        verdict.check(descriptorsAfter == descriptorsBefore,
            "open fds \(descriptorsBefore) before, \(descriptorsAfter) after")
        verdict.check(outcome.passedTasks, "tasks lost \(outcome.audit.lost), duplicated \(outcome.audit.duplicated), "
            + "cancelled \(outcome.audit.wrongEnd), unknown \(outcome.audit.unknown)")
        verdict.check(outcome.shutDown, "the driver did not shut down with every child reaped")
        report(outcome, settings: settings, cpu: cpu, output: output)
        let zombiesEnd = childrenAfter.values.filter { $0 == "Z" }.count
        output.out("  zombies: \(outcome.zombiesPersisting.count) outlived their reaper (\(outcome.zombieSamples) "
            + "/proc samples saw \(outcome.childrenSampled) children, \(outcome.zombiesTransient) of them dead before "
            + "their reaper ran), \(zombiesEnd) after shutdown (\(childrenAfter.count) children left, "
            + "\(childrenBefore) before)\n")
        output.out("  open fds: \(descriptorsBefore) before, \(descriptorsAfter) after "
            + "(/proc/self/fd, after a 3-cycle warm-up)\n")
        output.out(verdict.line(cycles: outcome.crashes))
        return verdict.failures.isEmpty
    }

    static func report(_ outcome: Outcome, settings: Settings, cpu: Double, output: any CommandOutput) {
        let format = RuntimeBenchFixture.format
        let ledger = outcome.ledger
        output.out("runtime-soak: \(outcome.crashes) crash/restart cycles of lsref --crash-after \(settings.crashAfter) "
            + "(zero backoff, \(settings.outstanding) tasks outstanding) in \(format(outcome.seconds)) s wall = "
            + "\(format(Double(outcome.crashes) / outcome.seconds)) cycles/s (\(format(cpu)) s CPU in lsbench)\n")
        output.out("  engine: \(ledger.crashes) crashes, \(ledger.restarts) restarts, \(ledger.readies) times ready\n")
        let codes = ledger.failureCodes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        output.out("  tasks: \(outcome.submitted.count) submitted, \(ledger.completed) completed, \(ledger.failed) failed"
            + (codes.isEmpty ? "" : " (\(codes))") + ", \(ledger.cancelled) cancelled; lost \(outcome.audit.lost), "
            + "duplicated \(outcome.audit.duplicated), unknown \(outcome.audit.unknown)\n")
    }

    /// The invariants' failures, in order.
    struct Verdict {
        var failures: [String] = []

        mutating func check(_ holds: Bool, _ failure: @autoclosure () -> String) {
            if !holds { failures.append(failure()) }
        }

        func line(cycles: Int) -> String {
            if failures.isEmpty {
                return "PASS: \(cycles) cycles, 0 zombies, fds equal, 0 tasks lost or duplicated\n"
            }
            return "FAIL: " + failures.joined(separator: "; ") + "\n"
        }
    }
}
