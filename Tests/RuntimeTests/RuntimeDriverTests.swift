import Core
import Foundation
import Glibc
import Runtime
import Synchronization
import Testing
import Wire

extension RealProcessTests {
    @Suite("Runtime driver")
    struct RuntimeDriverTests {
        static func configuration(
            _ mode: String, _ adjust: (inout EngineConfiguration) -> Void = { _ in }
        ) -> RuntimeDriverConfiguration {
            var engine = EngineConfiguration(
                id: "fixture", spawn: SpawnSpec(executable: Fixture.python, arguments: [EngineScript.path, mode]))
            engine.stop.stopRequestGraceMs = 200
            engine.stop.steps = [StopStep(signal: .terminate, graceMs: 200)]
            adjust(&engine)
            return RuntimeDriverConfiguration(coordinator: CoordinatorConfiguration(engines: [engine]))
        }

        /// Matches an engine signal of the fixture engine.
        static func signal(_ event: Event, _ matches: (EngineSignal) -> Bool) -> Bool {
            guard case .engine("fixture", let signal) = event.kind else { return false }
            return matches(signal)
        }

        /// A driver on the fixture engine in `mode` with its engines asked to start (the caller defers
        /// `shutDown`; the start request is bounded by `Fixture.waitMs`).
        static func startedDriver(_ mode: String, _ events: EventCollector) -> RuntimeDriver {
            let driver = RuntimeDriver(configuration: configuration(mode), eventHandler: events.handler)
            driver.start()
            #expect(driver.send(.startAllEngines, timeoutMs: Fixture.waitMs) != nil)
            return driver
        }

        static func shutDown(_ driver: RuntimeDriver) {
            driver.requestShutdown()
            #expect(driver.waitUntilFinished(timeoutMs: Fixture.waitMs))
            #expect(driver.liveProcessCount == 0)
        }

        /// Submits a task on `audio`; its id, or nil (recorded as an issue) when the driver refused it.
        static func submit(_ driver: RuntimeDriver, audio: String) -> TaskID? {
            let reply = driver.send(.submit(TaskSpec(audioPath: audio)), timeoutMs: Fixture.waitMs)
            guard case .submitted(let task, _)? = reply else {
                Issue.record("unexpected reply \(String(describing: reply))")
                return nil
            }
            return task
        }

        /// Submits a task and waits until `engine` runs it; the task and the engine's pid, or nil
        /// (recorded as an issue).
        static func submitRunning(
            _ driver: RuntimeDriver, _ events: EventCollector, audio: String, engine: EngineID
        ) -> (task: TaskID, pid: ProcessID)? {
            guard let task = submit(driver, audio: audio) else { return nil }
            #expect(events.wait { event in
                if case .taskStarted = event.kind { return event.job == task }
                return false
            })
            guard case .running(let pid, _, _)? = driver.engineState(engine) else {
                Issue.record("not running: \(String(describing: driver.engineState(engine)))")
                return nil
            }
            return (task, pid)
        }

        @Test("a task submitted to the driver completes on a real engine, and shutdown stops it")
        func taskCompletes() throws {
            let events = EventCollector()
            let driver = Self.startedDriver("normal", events)
            defer { Self.shutDown(driver) }
            let reply = driver.send(.submit(TaskSpec(audioPath: "/tmp/sample.wav")), timeoutMs: Fixture.waitMs)
            guard case .submitted(let task, deduplicated: false)? = reply else {
                Issue.record("unexpected reply \(String(describing: reply))")
                return
            }
            #expect(events.wait { $0.job == task && $0.kind == .taskCompleted })
            #expect(events.all.contains { $0.kind.name == "signal.engine.ready" })
            Self.shutDown(driver)
            #expect(driver.engineState("fixture") == .stopped)
        }

        @Test("a posted submit's reply reaches its callback and the task completes; a post after shutdown is refused")
        func postedSubmitCompletes() throws {
            let events = EventCollector()
            let driver = Self.startedDriver("normal", events)
            let reply = Mutex<ClientReply?>(nil)
            let answered = DispatchSemaphore(value: 0)
            #expect(driver.post(.submit(TaskSpec(audioPath: "/tmp/sample.wav"))) { answer in
                reply.withLock { $0 = answer }
                answered.signal()
            })
            #expect(answered.wait(timeout: .now() + .milliseconds(Fixture.waitMs)) == .success)
            guard case .submitted(let task, deduplicated: false)? = reply.withLock({ $0 }) else {
                Issue.record("unexpected reply \(String(describing: reply.withLock { $0 }))")
                Self.shutDown(driver)
                return
            }
            #expect(events.wait { $0.job == task && $0.kind == .taskCompleted })
            Self.shutDown(driver)
            #expect(!driver.post(.stopAllEngines) { _ in })
        }

        @Test("an engine crashing mid-request is reported as a crash and restarted")
        func crashRestarts() throws {
            let events = EventCollector()
            let driver = Self.startedDriver("crash", events)
            defer { Self.shutDown(driver) }
            _ = driver.send(.submit(TaskSpec(audioPath: "/tmp/sample.wav")), timeoutMs: Fixture.waitMs)
            #expect(events.wait { event in
                if case .engine("fixture", .crashed(.crashExit(code: 3), .exited(code: 3)?)) = event.kind { return true }
                return false
            })
            #expect(events.wait { event in
                if case .taskRequeued(engine: "fixture", attemptsFailed: 1, _) = event.kind { return true }
                return false
            })
            #expect(events.wait { $0.kind.name == "signal.engine.restarting" })
        }

        @Test("garbage on an engine's stdout is a protocol error that restarts it")
        func garbageRestarts() throws {
            let events = EventCollector()
            let driver = Self.startedDriver("garbage", events)
            defer { Self.shutDown(driver) }
            #expect(events.wait { event in
                if case .engine("fixture", .crashed(.protocolErrors, _)) = event.kind { return true }
                return false
            })
            #expect(events.wait { $0.kind.name == "signal.engine.restarting" })
        }

        @Test("a crash that leaves a grandchild holding stdout is reported after the drain grace, and restarted")
        func escapedGrandchildCrash() throws {
            let events = EventCollector()
            var configuration = Self.configuration("escape")
            configuration.outputDrainGraceMs = 100
            let escaped = Mutex<Int32?>(nil)
            configuration.stderrLineHandler = { _, line in
                if line.hasPrefix("escaped ") { escaped.withLock { $0 = Int32(line.dropFirst("escaped ".count)) } }
            }
            let driver = RuntimeDriver(configuration: configuration, eventHandler: events.handler)
            driver.start()
            defer { Self.shutDown(driver) }
            defer { if let pid = escaped.withLock({ $0 }), pid > 1 { kill(pid, SIGKILL) } }
            #expect(driver.send(.startAllEngines, timeoutMs: Fixture.waitMs) != nil)
            _ = driver.send(.submit(TaskSpec(audioPath: "/tmp/sample.wav")), timeoutMs: Fixture.waitMs)
            #expect(events.wait { event in
                if case .engine("fixture", .crashed(.crashExit(code: 3), .exited(code: 3)?)) = event.kind { return true }
                return false
            })
            #expect(events.wait { $0.kind.name == "signal.engine.restarting" })
            let pid = try #require(escaped.withLock { $0 })
            #expect(ProcessTable.entry(pid)?.group == pid)  // it did leave the group, and is still there
        }

        @Test("deeply nested JSON from an engine is a protocol error, not a crash of the driver")
        func deeplyNestedJSON() throws {
            let events = EventCollector()
            let driver = Self.startedDriver("deep", events)
            defer { Self.shutDown(driver) }
            #expect(events.wait { Self.signal($0) { if case .ready = $0 { true } else { false } } })
        }

        @Test("shutdown kills an engine that ignores SIGTERM and the stop request")
        func shutdownKillsStubbornEngine() throws {
            let events = EventCollector()
            let driver = RuntimeDriver(configuration: Self.configuration("ignore-term"), eventHandler: events.handler)
            driver.start()
            #expect(driver.send(.startAllEngines, timeoutMs: Fixture.waitMs) != nil)
            #expect(events.wait { $0.kind.name == "signal.engine.ready" })
            Self.shutDown(driver)
            #expect(driver.engineState("fixture") == .stopped)
        }

        @Test("an engine that crashes at every start goes to Failed with its exit and stderr in the diagnostics")
        func crashLoopToFailed() throws {
            let events = EventCollector()
            var configuration = Self.configuration("crash-at-start") { engine in
                engine.restart.backoff = .exponential(initialMs: 10, multiplier: 1, capMs: 10)
                engine.restart.restartsMax = 2
            }
            let logs = try Fixture.temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: logs) }
            configuration.logDirectory = logs
            let stderrLines = Mutex<[String]>([])
            configuration.stderrLineHandler = { engine, line in stderrLines.withLock { $0.append("\(engine): \(line)") } }
            let driver = RuntimeDriver(configuration: configuration, eventHandler: events.handler)
            driver.start()
            defer { Self.shutDown(driver) }
            #expect(driver.send(.startAllEngines, timeoutMs: Fixture.waitMs) != nil)
            #expect(events.wait { Self.signal($0) { if case .failed = $0 { true } else { false } } })
            guard case .failed(let diagnostics)? = driver.engineState("fixture") else {
                Issue.record("not failed: \(String(describing: driver.engineState("fixture")))")
                return
            }
            #expect(diagnostics.cause == .crashExit(code: 3))
            #expect(diagnostics.exitStatus == .exited(code: 3))
            #expect(diagnostics.restartCount == 2)
            #expect(diagnostics.stderrTail.last == "fatal: model file missing")
            let crashes = events.all.filter { Self.signal($0) { if case .crashed = $0 { true } else { false } } }
            #expect(crashes.count == 3)
            // Every start appends to the same engine log.
            let log = try String(contentsOfFile: logs + "/fixture.log", encoding: .utf8)
            #expect(log == String(repeating: "fatal: model file missing\n", count: 3))
            #expect(stderrLines.withLock { $0 } == Array(repeating: "fixture: fatal: model file missing", count: 3))
        }

        @Test("cancelling a running task ends it as cancelled and keeps the engine running")
        func cancelRunningTask() throws {
            let events = EventCollector()
            let driver = Self.startedDriver("slow", events)
            defer { Self.shutDown(driver) }
            guard let (task, pid) = Self.submitRunning(driver, events, audio: "/tmp/sample.wav", engine: "fixture") else { return }
            #expect(driver.send(.cancel(task), timeoutMs: Fixture.waitMs) == .cancelled(task))
            #expect(events.wait { $0.job == task && $0.kind == .taskCancelled })
            guard case .running(pid, _, _)? = driver.engineState("fixture") else {
                Issue.record("engine changed: \(String(describing: driver.engineState("fixture")))")
                return
            }
        }

        @Test("an engine that stops answering health checks is torn down and restarted")
        func healthTimeoutRestarts() throws {
            let events = EventCollector()
            let configuration = Self.configuration("health-stops") { engine in
                engine.health.probeIntervalMs = 50
                engine.health.probeTimeoutMs = 100
                engine.health.failuresMax = 2
            }
            let driver = RuntimeDriver(configuration: configuration, eventHandler: events.handler)
            driver.start()
            defer { Self.shutDown(driver) }
            #expect(driver.send(.startAllEngines, timeoutMs: Fixture.waitMs) != nil)
            #expect(events.wait { Self.signal($0) { $0 == .stopping(.forced(.healthFailure)) } })
            #expect(events.wait { Self.signal($0) { if case .restarting = $0 { true } else { false } } })
        }

        @Test("a termination signal to this process stops every engine and ends the driver")
        func signalShutsDown() throws {
            let events = EventCollector()
            let driver = RuntimeDriver(configuration: Self.configuration("normal"), eventHandler: events.handler)
            // SIGUSR2 stands in for SIGINT/SIGTERM, which would also reach the test runner's own handling.
            let watcher = driver.shutDownOnSignals([GroupSignal(rawValue: SIGUSR2)])
            defer { watcher.cancel() }
            driver.start()
            defer { Self.shutDown(driver) }
            #expect(driver.send(.startAllEngines, timeoutMs: Fixture.waitMs) != nil)
            #expect(events.wait { Self.signal($0) { if case .ready = $0 { true } else { false } } })
            #expect(kill(getpid(), SIGUSR2) == 0)
            #expect(driver.waitUntilFinished(timeoutMs: Fixture.waitMs))
            #expect(driver.liveProcessCount == 0)
            #expect(driver.engineState("fixture") == .stopped)
        }

        /// `lsref`, built next to this test binary.
        static let referenceEngine = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("lsref").path

        static let sampleAudio = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Examples/audio/hello.wav").path

        static func referenceConfiguration(_ arguments: [String]) -> RuntimeDriverConfiguration {
            var engine = EngineConfiguration(id: "lsref", spawn: SpawnSpec(executable: referenceEngine, arguments: arguments))
            engine.stop.stopRequestGraceMs = 200
            engine.stop.steps = [StopStep(signal: .terminate, graceMs: 200)]
            return RuntimeDriverConfiguration(coordinator: CoordinatorConfiguration(engines: [engine]))
        }

        @Test("the sample WAV is transcribed by a real lsref process")
        func referenceEngineTranscribes() throws {
            try #require(FileManager.default.isExecutableFile(atPath: Self.referenceEngine), "build lsref first")
            let events = EventCollector()
            let driver = RuntimeDriver(configuration: Self.referenceConfiguration([]), eventHandler: events.handler)
            driver.start()
            defer { Self.shutDown(driver) }
            #expect(driver.send(.startAllEngines, timeoutMs: Fixture.waitMs) != nil)
            guard let task = Self.submit(driver, audio: Self.sampleAudio) else { return }
            #expect(events.wait { $0.job == task && $0.kind == .taskCompleted })
            let transcripts = events.all.compactMap { event -> Transcript? in
                if case .engineResult(engine: "lsref", let transcript) = event.kind, event.job == task { return transcript }
                return nil
            }
            #expect(transcripts.count == 1)
            #expect(transcripts.first?.segments.isEmpty == false)
        }

        @Test("stopping a hung lsref that ignores SIGTERM ends with SIGKILL to its group")
        func referenceEngineKilled() throws {
            try #require(FileManager.default.isExecutableFile(atPath: Self.referenceEngine), "build lsref first")
            let events = EventCollector()
            let configuration = Self.referenceConfiguration(["--hang-after", "1", "--ignore-sigterm"])
            let driver = RuntimeDriver(configuration: configuration, eventHandler: events.handler)
            driver.start()
            defer { Self.shutDown(driver) }
            #expect(driver.send(.startAllEngines, timeoutMs: Fixture.waitMs) != nil)
            guard let (_, pid) = Self.submitRunning(driver, events, audio: Self.sampleAudio, engine: "lsref") else { return }
            #expect(driver.send(.stopEngine("lsref"), timeoutMs: Fixture.waitMs) != nil)
            #expect(events.wait { event in
                if case .engine("lsref", .stopped) = event.kind { return true }
                return false
            })
            #expect(driver.liveProcessCount == 0)
            #expect(ProcessTable.eventually { ProcessTable.liveMembers(ofGroup: pid.value).isEmpty })
        }
    }
}
