import CommandLineSupport
import Core
import Foundation
import Runtime
import Wire

/// `lsbench runtime-latency`: request→reply round trips between the coordinator and a real `lsref`
/// under the real `RuntimeDriver`, beside a minimal pipe echo pair measured in the same run
/// (run by `ci/latency`, release build, which also compiles the C `line-echo` child).
///
/// Thirteen paths, each `--requests` round trips after `--warm-up`, interleaved in `--rounds` batches so
/// the machine's load falls on all alike; the echo message is as long as the transcribe request line:
/// 1. pipe echo: this process writes the line to `line-echo`'s stdin and blocks reading it back;
/// 2. the same echo as the driver runs engines: `ChildProcess`, stdout polled by a `DriverLoop` on
///    this thread, the message written inline (the runtime's I/O path without the coordinator);
/// 2b. the same echo through `ChildProcess`'s stdout reader thread and a semaphore (for reference);
/// 3. lsref alone: this thread writes the transcribe line to lsref over plain pipes and reads
///    until `EngineStreamDecoder` yields the response (lsref's own cost, no runtime);
/// 4. coordinator↔lsref as the driver measures it (`RoundTripLog`): from performing the `.send` of
///    the transcribe request to decoding lsref's response (its progress lines read on the way);
/// 5. the client's view: `RuntimeDriver.send(.submit)` (which waits for the reply) to the
///    `task.completed` event; 4b and 5b: the same with a client that posts the submit
///    (`RuntimeDriver.post`, reply to a callback), so its thread is not woken by the reply;
/// 6. `health_check`, lsref alone (as 3), back to back, and 6b. each after 1.5 ms idle; 7.
///    coordinator↔lsref (as 4, a driver probing every 2 ms during its turn): the protocol's round
///    trip without a file to read and transcribe. The core's probes come from a timer, so both
///    processes have gone idle before each; 6b pays the same wake-ups and is 7's fair peer;
/// 8. `health_check` coordinator↔lsref back to back (as 4): a fresh driver (periodic probes
///    hourly, so none falls in between) whose event handler posts the next `probeEngine` on the
///    driver thread when `signal.engine.probed` reports the last one (`Chain`); 8 is 6's fair peer
///    and the echo's: no client thread in the loop, no sleep between round trips;
/// 9. transcribe coordinator↔lsref back to back (as 4), the same driver's handler posting the next
///    `submit` on `task.completed`: 3's fair peer.
/// The audio is 100 ms of silence (empty transcript), so the reply is small. Reports p50/p99, the
/// ratio of 4 (and 5, 3, 7, 8, 9, 6, 6b) to 1 (the target is ≤3×), what the runtime and coordinator
/// add (4 and 9 over 3, 7 over 6b, 8 over 6), and the CPU each party uses per round trip on paths
/// 3, 5, 5b, 6b, 7, 8 and 9 (driver thread, client thread, lsref: see `CPUUse`), which is far less
/// noisy than the latencies on a shared machine.
///
/// Reading the figures on a small VM (2 vCPUs, no guest halt polling): a wake-up of a thread on the
/// other, idle vCPU costs the waker 10–20 µs (an IPI to a halted vCPU), while a peer woken on the
/// waker's own vCPU costs ~1–2 µs. The pipe echo pair stays on one vCPU (its writer blocks at once),
/// the driver's parties are often spread over both, and where the scheduler puts them changes from
/// run to run: under `taskset -c 0` the driver path's CPU per round trip roughly halves.
enum RuntimeLatencyBench: Subcommand {
    static let name = "runtime-latency"
    static let summary = "coordinator↔lsref round trip p50/p99 beside a pipe echo pair"
    static let usage = """
        usage: lsbench runtime-latency [--requests N (2000)] [--warm-up N (200)] [--rounds N (4)]
                                       [--lsref PATH (next to lsbench)] [--echo PATH (.build/bench-fixtures/line-echo)]

        """

    struct Settings {
        var requests = 2_000
        var warmUp = 200
        var rounds = 4
        var lsref = ""
        var echo = ".build/bench-fixtures/line-echo"
    }

    /// Round-trip samples the driver may log beyond warm-up and requests (startup and periodic probes).
    static let roundTripSamplesSpare = 64

    /// Round trips per path, in µs.
    struct Samples {
        var pipeEcho: [Double] = []
        var polledEcho: [Double] = []
        var runtimeEcho: [Double] = []
        var rawEngine: [Double] = []
        var engine: [Double] = []
        var rawHealth: [Double] = []
        var rawHealthIdle: [Double] = []
        var engineHealth: [Double] = []
        var client: [Double] = []
        /// Paths 4 and 5 with a client that posts (`RuntimeDriver.post`) instead of waiting for the reply.
        var enginePosted: [Double] = []
        var clientPosted: [Double] = []
        /// Paths 8 and 9: chained on the driver thread (`chainedRoundTrips`).
        var healthChained: [Double] = []
        var engineChained: [Double] = []
        var cpuHealthChained = CPUUse()
        var cpuEngineChained = CPUUse()
        /// Chained probes whose outcome was not `ok`.
        var chainedProbesNotOK = 0
        /// CPU per party over paths 3, 5, 5b, 6b and 7.
        var cpuRawEngine = CPUUse()
        var cpuClient = CPUUse()
        var cpuClientPosted = CPUUse()
        var cpuRawHealthIdle = CPUUse()
        var cpuEngineHealth = CPUUse()
        /// Probes of path 7 that the core counted failed (see `healthRoundTrips`).
        var failedHealthProbes = 0
    }

    static func run(_ arguments: [String], output: any CommandOutput) -> Int32 {
        var settings = Settings()
        do {
            let parsed = try ArgumentSpec(options: ["requests", "warm-up", "rounds", "lsref", "echo"]).parse(arguments)
            if parsed.has("help") {
                output.out(usage)
                return 0
            }
            settings.requests = try parsed.int("requests", default: 2_000, range: 10...1_000_000)
            settings.warmUp = try parsed.int("warm-up", default: 200, range: 0...100_000)
            settings.rounds = try parsed.int("rounds", default: 4, range: 1...100)
            settings.lsref = RuntimeBenchFixture.lsrefPath(parsed.value("lsref"))
            settings.echo = parsed.value("echo") ?? settings.echo
        } catch {
            output.err("lsbench runtime-latency: \(error)\n" + usage)
            return 2
        }
        guard FileManager.default.isExecutableFile(atPath: settings.echo) else {
            output.err("lsbench runtime-latency: no echo child at \(settings.echo) (ci/latency builds it)\n")
            return 2
        }
        do {
            let directory = try RuntimeBenchFixture.temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: directory) }  // best effort: a temp dir
            let audio = try RuntimeBenchFixture.writeSilentWAV(in: directory)
            let message = EngineCodec.encodedLine(.transcribe(id: RequestID(1_000), TranscribeParameters(audioPath: audio)))
            let samples = try measure(settings, audio: audio, message: message)
            report(samples, settings: settings, messageBytes: message.count, output: output)
            return 0
        } catch {
            output.err("lsbench runtime-latency: \(error)\n")
            return 1
        }
    }

    /// Sets up the five children (three echoes, lsref alone, lsref under the driver), then measures
    /// every path with `measureRounds`.
    static func measure(_ settings: Settings, audio: String, message: [UInt8]) throws -> Samples {
        let pipeEcho = try PipeEcho(executable: settings.echo)
        defer { pipeEcho.finish() }
        let polledEcho = try PolledEcho(executable: settings.echo)
        defer { polledEcho.finish() }
        let runtimeEcho = try RuntimeEcho(executable: settings.echo, messageBytes: message.count)
        defer { runtimeEcho.finish() }
        let rawEngine = try RawEngine(lsref: settings.lsref)
        defer { rawEngine.finish() }
        var configuration = RuntimeBenchFixture.configuration(
            lsref: settings.lsref, arguments: [], restart: RestartPolicy.seedDefault)
        configuration.roundTripSamplesMax = settings.warmUp + 2 * settings.requests + roundTripSamplesSpare
        return try withReadyDriver(configuration, lsref: settings.lsref) { driver, probe in
            try measureRounds(
                settings, driver: driver, probe: probe, audio: audio, message: message,
                echoes: (pipeEcho, polledEcho, runtimeEcho), rawEngine: rawEngine)
        }
    }

    /// The warm-up, then `rounds` batches of every path.
    static func measureRounds(
        _ settings: Settings, driver: RuntimeDriver, probe: Probe, audio: String, message: [UInt8],
        echoes: (pipe: PipeEcho, polled: PolledEcho, runtime: RuntimeEcho), rawEngine: RawEngine
    ) throws -> Samples {
        let (pipeEcho, polledEcho, runtimeEcho) = echoes
        let spec = TaskSpec(audioPath: audio, engines: [RuntimeBenchFixture.engine])
        func microseconds(_ duration: Duration) -> Double { CoreBench.seconds(duration) * 1e6 }
        for _ in 0..<settings.warmUp {
            _ = try pipeEcho.roundTrip(message)
            _ = try polledEcho.roundTrip(message)
            _ = try runtimeEcho.roundTrip(message)
            _ = try rawEngine.roundTrip(audio: audio)
            _ = try probe.roundTrip(driver, spec)
            _ = try probe.postedRoundTrip(driver, spec)
        }
        var samples = Samples()
        for round in 0..<settings.rounds {
            let count = settings.requests / settings.rounds + (round < settings.requests % settings.rounds ? 1 : 0)
            for _ in 0..<count { samples.pipeEcho.append(microseconds(try pipeEcho.roundTrip(message))) }
            for _ in 0..<count { samples.polledEcho.append(microseconds(try polledEcho.roundTrip(message))) }
            for _ in 0..<count { samples.runtimeEcho.append(microseconds(try runtimeEcho.roundTrip(message))) }
            samples.rawEngine += try rawRoundTrips(count, rawEngine, cpu: &samples.cpuRawEngine) {
                try rawEngine.roundTrip(audio: audio)
            }
            let waiting = try clientRoundTrips(count, driver: driver, probe) { try probe.roundTrip(driver, spec) }
            samples.client += waiting.client
            samples.engine += waiting.engine
            samples.cpuClient.add(waiting.cpu)
            let posting = try clientRoundTrips(count, driver: driver, probe) { try probe.postedRoundTrip(driver, spec) }
            samples.clientPosted += posting.client
            samples.enginePosted += posting.engine
            samples.cpuClientPosted.add(posting.cpu)
            for _ in 0..<count { samples.rawHealth.append(microseconds(try rawEngine.healthRoundTrip())) }
            samples.rawHealthIdle += try rawRoundTrips(count, rawEngine, cpu: &samples.cpuRawHealthIdle) {
                try rawEngine.healthRoundTripAfterIdle()
            }
            let health = try healthRoundTrips(settings, count: count)
            samples.engineHealth += health.samples
            samples.cpuEngineHealth.add(health.cpu)
            samples.failedHealthProbes += health.failedProbes
            let chained = try chainedRoundTrips(settings, count: count, spec: spec)
            samples.healthChained += chained.health
            samples.engineChained += chained.transcribe
            samples.cpuHealthChained.add(chained.cpuHealth)
            samples.cpuEngineChained.add(chained.cpuTranscribe)
            samples.chainedProbesNotOK += chained.notOK
        }
        let failures = probe.failures.withLock { $0 }
        guard failures.isEmpty else { throw EchoError(description: "tasks failed: \(failures.prefix(3))") }
        return samples
    }

    /// `count` client round trips (µs), and the driver's own send→decoded times (µs) logged meanwhile:
    /// transcriptions only, unless a periodic health probe (every 30 s by default) fell in between.
    static func clientRoundTrips(
        _ count: Int, driver: RuntimeDriver, _ probe: Probe, _ roundTrip: () throws -> Duration
    ) throws -> (client: [Double], engine: [Double], cpu: CPUUse) {
        let firstSample = driver.roundTrips.samples.count
        let threadID = probe.driverThread.withLock { $0 }
        let start = CPUReading.now(driverThread: threadID, engine: enginePID(driver))
        var client: [Double] = []
        for _ in 0..<count { client.append(CoreBench.seconds(try roundTrip()) * 1e6) }
        var cpu = CPUUse()
        cpu.add(from: start, to: CPUReading.now(driverThread: threadID, engine: enginePID(driver)), roundTrips: count)
        let engine = driver.roundTrips.samples.dropFirst(firstSample).map { Double($0) / 1_000 }
        return (client, engine, cpu)
    }

    /// `count` round trips (µs) of lsref alone, adding this thread's and lsref's CPU to `cpu`.
    static func rawRoundTrips(
        _ count: Int, _ rawEngine: RawEngine, cpu: inout CPUUse, _ roundTrip: () throws -> Duration
    ) throws -> [Double] {
        let start = CPUReading.now(driverThread: nil, engine: rawEngine.pid)
        var samples: [Double] = []
        for _ in 0..<count { samples.append(CoreBench.seconds(try roundTrip()) * 1e6) }
        cpu.add(from: start, to: CPUReading.now(driverThread: nil, engine: rawEngine.pid), roundTrips: count)
        return samples
    }

    /// Nearest-rank percentile of unsorted `values`.
    static func percentile(_ values: [Double], _ percent: Int) -> Double {
        let sorted = values.sorted()
        let rank = (sorted.count * percent + 99) / 100
        return sorted[max(0, min(sorted.count - 1, rank - 1))]
    }

    static func report(_ samples: Samples, settings: Settings, messageBytes: Int, output: any CommandOutput) {
        let format = RuntimeBenchFixture.format
        output.out("runtime-latency: \(samples.pipeEcho.count) round trips per path after \(settings.warmUp) warm-up, "
            + "in \(settings.rounds) interleaved rounds; echo message \(messageBytes) B (the transcribe request line)\n")
        let paths: [(String, [Double])] = [
            ("pipe echo (write/read ↔ C line-echo)", samples.pipeEcho),
            ("echo via Runtime driver path (poll)", samples.polledEcho),
            ("echo via ChildProcess reader thread", samples.runtimeEcho),
            ("lsref alone (plain pipes, same decoder)", samples.rawEngine),
            ("coordinator↔lsref (driver send→decoded)", samples.engine),
            ("client submit → task.completed", samples.client),
            ("coordinator↔lsref, client posting (no reply wake)", samples.enginePosted),
            ("client post(submit) → task.completed", samples.clientPosted),
            ("health_check: lsref alone, back to back", samples.rawHealth),
            ("health_check: lsref alone, after 1.5 ms idle", samples.rawHealthIdle),
            ("health_check: coordinator↔lsref (2 ms probes)", samples.engineHealth),
            ("health_check coordinator↔lsref, back to back (probe-now chained on the driver thread)",
             samples.healthChained),
            ("transcribe coordinator↔lsref, back to back (submit chained on the driver thread)",
             samples.engineChained),
        ]
        let width = paths.map(\.0.count).max() ?? 50
        for (label, values) in paths {
            output.out("  \(label.padding(toLength: width)) p50 \(format(percentile(values, 50))) µs   "
                + "p99 \(format(percentile(values, 99))) µs\n")
        }
        let cpuLines = [
            ("lsref alone", samples.cpuRawEngine), ("client submit → task.completed", samples.cpuClient),
            ("client post(submit) → task.completed", samples.cpuClientPosted),
            ("health_check: lsref alone after idle", samples.cpuRawHealthIdle),
            ("health_check: coordinator↔lsref", samples.cpuEngineHealth),
            ("health_check: coordinator↔lsref, chained", samples.cpuHealthChained),
            ("transcribe: coordinator↔lsref, chained", samples.cpuEngineChained),
        ]
        for (label, use) in cpuLines {
            output.out("  CPU per round trip, \(label): \(use.perRoundTrip(format: format))\n")
        }
        output.out("  health probes counted failed (reply read after the next probe was due): \(samples.failedHealthProbes)\n")
        output.out("  chained probes not ok (timeout or lsref not ok): \(samples.chainedProbesNotOK)\n")
        let echo50 = percentile(samples.pipeEcho, 50)
        let echo99 = percentile(samples.pipeEcho, 99)
        output.out("  ratio echo via driver path / pipe echo: p50 "
            + "\(format(percentile(samples.polledEcho, 50) / echo50))×, "
            + "p99 \(format(percentile(samples.polledEcho, 99) / echo99))× (target ≤1.5×)\n")
        let ratios = [
            ("coordinator↔lsref", samples.engine), ("client path", samples.client),
            ("client path, posting", samples.clientPosted), ("lsref alone", samples.rawEngine),
            ("health_check coordinator↔lsref", samples.engineHealth),
            ("health_check coordinator↔lsref, back to back (chained)", samples.healthChained),
            ("transcribe coordinator↔lsref, back to back (chained)", samples.engineChained),
            ("health_check lsref alone", samples.rawHealth),
            ("health_check lsref alone after idle", samples.rawHealthIdle),
        ]
        for (label, values) in ratios {
            output.out("  ratio \(label) / pipe echo: p50 \(format(percentile(values, 50) / echo50))×, "
                + "p99 \(format(percentile(values, 99) / echo99))× (target ≤3×)\n")
        }
        let overheads = [
            ("coordinator↔lsref / lsref alone", samples.engine, samples.rawEngine),
            ("health_check coordinator↔lsref / lsref alone after idle", samples.engineHealth, samples.rawHealthIdle),
            ("health_check chained / lsref alone back to back", samples.healthChained, samples.rawHealth),
            ("transcribe chained / lsref alone", samples.engineChained, samples.rawEngine),
        ]
        for (label, runtime, alone) in overheads {
            output.out("  runtime + coordinator overhead, \(label): p50 "
                + "\(format(percentile(runtime, 50) / percentile(alone, 50)))×, p99 "
                + "\(format(percentile(runtime, 99) / percentile(alone, 99)))×\n")
        }
    }
}
