import Core
import Runtime

/// One soak run: a fresh driver, cycles with tasks kept outstanding, a drain, a shutdown.
extension RuntimeSoakBench {
    struct Outcome: CustomStringConvertible {
        var crashes = 0
        /// From `startAllEngines` to the last cycle.
        var seconds = 0.0
        var submitted: [TaskID] = []
        var rejections: [String] = []
        var zombieSamples = 0
        var zombiesTransient = 0
        var childrenSampled = 0
        var zombiesPersisting: Set<Int32> = []
        var shutDown = false
        var ledger = Ledger.State()
        var audit = (lost: 0, duplicated: 0, wrongEnd: 0, unknown: 0)

        var passedTasks: Bool {
            audit.lost == 0 && audit.duplicated == 0 && audit.wrongEnd == 0 && audit.unknown == 0 && rejections.isEmpty
        }

        var description: String {
            "\(crashes) crashes, \(submitted.count) tasks, audit \(audit), rejections \(rejections.prefix(3)), "
                + "shut down \(shutDown)"
        }
    }

    static func runDriver(_ settings: Settings, audio: String) throws -> Outcome {
        let ledger = Ledger()
        let configuration = RuntimeBenchFixture.configuration(
            lsref: settings.lsref, arguments: ["--crash-after", "\(settings.crashAfter)"],
            restart: RuntimeBenchFixture.restartAtOnce)
        let driver = RuntimeDriver(configuration: configuration, eventHandler: ledger.handler)
        driver.start()
        var outcome = Outcome()
        defer {
            driver.requestShutdown()
            _ = driver.waitUntilFinished(timeoutMs: 15_000)
        }
        let clock = ContinuousClock()
        let start = clock.now
        guard driver.send(.startAllEngines, timeoutMs: 10_000) != nil else {
            outcome.rejections.append("startAllEngines: no reply")
            return outcome
        }
        try cycle(driver, ledger: ledger, settings: settings, audio: audio, outcome: &outcome)
        outcome.seconds = CoreBench.seconds(clock.now - start)
        outcome.crashes = ledger.crashes
        // Let the outstanding tasks end (each may cost a few more cycles), then stop.
        let drainDeadline = clock.now + .seconds(settings.drainSeconds)
        while ledger.endedCount(of: outcome.submitted) < outcome.submitted.count && clock.now < drainDeadline {
            ledger.waitForProgress(timeoutMs: 200)
        }
        driver.requestShutdown()
        outcome.shutDown = driver.waitUntilFinished(timeoutMs: 15_000) && driver.liveProcessCount == 0
        outcome.ledger = ledger.state.withLock { $0 }
        outcome.audit = ledger.audit(outcome.submitted)
        return outcome
    }

    /// Keeps `settings.outstanding` tasks submitted until `settings.cycles` crashes (or the timeout,
    /// or Failed), sampling zombies every `sampleEveryCycles` crashes.
    static func cycle(
        _ driver: RuntimeDriver, ledger: Ledger, settings: Settings, audio: String, outcome: inout Outcome
    ) throws {
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(settings.timeoutSeconds)
        var sampler = ZombieSampler()
        var nextSampleAt = 0
        var outstanding: [TaskID] = []
        var spec = TaskSpec(audioPath: audio, engines: [RuntimeBenchFixture.engine])
        spec.requestTimeoutMs = 30_000
        while clock.now < deadline {
            let crashes = ledger.crashes
            if crashes >= settings.cycles || ledger.state.withLock({ $0.failedEngine }) { break }
            if crashes >= nextSampleAt {
                try sampler.sample { ledger.crashes }
                nextSampleAt = crashes + settings.sampleEveryCycles
            }
            outstanding = outstanding.filter { ledger.endedCount(of: [$0]) == 0 }
            while outstanding.count < settings.outstanding && outcome.rejections.isEmpty {
                switch driver.send(.submit(spec), timeoutMs: 10_000) {
                case .submitted(let task, deduplicated: false)?:
                    outstanding.append(task)
                    outcome.submitted.append(task)
                case let other:
                    outcome.rejections.append("\(String(describing: other))")
                }
            }
            if !outcome.rejections.isEmpty { break }
            ledger.waitForProgress(timeoutMs: 500)
        }
        outcome.zombieSamples = sampler.samples
        outcome.zombiesTransient = sampler.transient
        outcome.childrenSampled = sampler.childrenSeen
        outcome.zombiesPersisting = sampler.persisting
    }
}
