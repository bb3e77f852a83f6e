import Core
import Dispatch
import Runtime
import Synchronization

/// Paths 8 and 9: back-to-back round trips driven entirely on the driver thread. The driver's event
/// handler posts the next command (`RuntimeDriver.post`) when the previous one has ended — a
/// `probeEngine` on `signal.engine.probed`, a `submit` on `task.completed` — so no client thread is
/// woken in the loop and neither process sleeps between round trips, as in the pipe echo.
extension RuntimeLatencyBench {
    /// The probe interval in the chained paths: long, so no periodic probe falls in between.
    static let chainedProbeIntervalMs: UInt64 = 3_600_000

    /// What the chain sends next.
    enum ChainMode: Sendable {
        case probe
        case submit(TaskSpec)
    }

    /// The event handler that keeps the chain going on the driver thread.
    final class Chain: Sendable {
        let driver = Mutex<RuntimeDriver?>(nil)
        let mode = Mutex<ChainMode>(.probe)
        let remaining = Mutex(0)
        let failures = Mutex<[String]>([])
        /// Probes whose outcome was not `ok` (a timeout, or lsref not ok).
        let probesNotOK = Mutex(0)
        let driverThread = Mutex<Int32?>(nil)
        private let ready = DispatchSemaphore(value: 0)
        private let done = DispatchSemaphore(value: 0)

        var handler: @Sendable (Event) -> Void { { [self] event in record(event) } }

        private func record(_ event: Event) {
            switch event.kind {
            case .engine(_, .ready):
                driverThread.withLock { $0 = CPUReading.currentThreadID() }
                ready.signal()
            case .engine(_, .probed(let outcome)):
                if outcome != .ok { probesNotOK.withLock { $0 += 1 } }
                next()
            case .taskCompleted:
                next()
            case .taskFailed(let error):
                fail(error.description)
            case .taskCancelled:
                fail("cancelled")
            default:
                break
            }
        }

        func waitUntilReady(timeoutMs: Int) -> Bool {
            ready.wait(timeout: .now() + .milliseconds(timeoutMs)) == .success
        }

        /// Runs `count` chained round trips in `mode` and waits (bounded) for the last to end.
        func run(_ count: Int, _ chainMode: ChainMode) throws {
            mode.withLock { $0 = chainMode }
            remaining.withLock { $0 = count }
            next()
            guard done.wait(timeout: .now() + .seconds(60)) == .success else {
                throw EchoError(description: "the chain did not end within 60 s")
            }
            let failed = failures.withLock { $0 }
            guard failed.isEmpty else { throw EchoError(description: "chain failed: \(failed.prefix(3))") }
        }

        /// Posts the next command, or ends the chain.
        private func next() {
            let more = remaining.withLock { remaining in
                guard remaining > 0 else { return false }
                remaining -= 1
                return true
            }
            guard more, let driver = driver.withLock({ $0 }) else {
                done.signal()
                return
            }
            let command: ClientCommand = switch mode.withLock({ $0 }) {
            case .probe: .probeEngine(RuntimeBenchFixture.engine)
            case .submit(let spec): .submit(spec)
            }
            let posted = driver.post(command) { [self] answer in
                switch answer {
                case .probing(_, alreadyOutstanding: false), .submitted: break
                default: fail("not accepted: \(answer)")
                }
            }
            if !posted { fail("the driver has stopped") }
        }

        private func fail(_ reason: String) {
            failures.withLock { $0.append(reason) }
            remaining.withLock { $0 = 0 }
            done.signal()
        }
    }

    /// One round's chained paths on a fresh driver (periodic probes every `chainedProbeIntervalMs`):
    /// `count` probe-now round trips, then `count` transcriptions, each as the driver measures them
    /// (send → decoded, µs), with the CPU each party used.
    static func chainedRoundTrips(
        _ settings: Settings, count: Int, spec: TaskSpec
    ) throws -> (health: [Double], transcribe: [Double], cpuHealth: CPUUse, cpuTranscribe: CPUUse, notOK: Int) {
        var configuration = RuntimeBenchFixture.configuration(
            lsref: settings.lsref, arguments: [], restart: RestartPolicy.seedDefault)
        configuration.coordinator.engines[0].health.probeIntervalMs = chainedProbeIntervalMs
        configuration.roundTripSamplesMax = healthStartupSamples + 2 * count + roundTripSamplesSpare
        let chain = Chain()
        let driver = RuntimeDriver(configuration: configuration, eventHandler: chain.handler)
        chain.driver.withLock { $0 = driver }
        driver.start()
        defer {
            chain.driver.withLock { $0 = nil }
            driver.requestShutdown()
            _ = driver.waitUntilFinished(timeoutMs: 15_000)
        }
        guard driver.send(.startAllEngines, timeoutMs: 10_000) != nil, chain.waitUntilReady(timeoutMs: 30_000) else {
            throw EchoError(description: "lsref did not become ready (\(settings.lsref))")
        }
        let health = try chainedRun(chain, driver, count, .probe)
        let transcribe = try chainedRun(chain, driver, count, .submit(spec))
        return (health.samples, transcribe.samples, health.cpu, transcribe.cpu, chain.probesNotOK.withLock { $0 })
    }

    private static func chainedRun(
        _ chain: Chain, _ driver: RuntimeDriver, _ count: Int, _ mode: ChainMode
    ) throws -> (samples: [Double], cpu: CPUUse) {
        let firstSample = driver.roundTrips.samples.count
        let threadID = chain.driverThread.withLock { $0 }
        let start = CPUReading.now(driverThread: threadID, engine: enginePID(driver))
        try chain.run(count, mode)
        var cpu = CPUUse()
        cpu.add(from: start, to: CPUReading.now(driverThread: threadID, engine: enginePID(driver)), roundTrips: count)
        cpu.clientNs = 0  // the client thread waits for the whole chain: not a party to the round trips
        let samples = driver.roundTrips.samples.dropFirst(firstSample).map { Double($0) / 1_000 }
        guard samples.count == count else {
            throw EchoError(description: "\(samples.count) round trips logged for a chain of \(count)")
        }
        return (samples, cpu)
    }
}
