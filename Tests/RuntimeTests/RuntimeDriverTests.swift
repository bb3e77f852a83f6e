import Core
import Foundation
import Runtime
import Testing

extension RealProcessTests {
    @Suite("Runtime driver")
    struct RuntimeDriverTests {
        static func configuration(_ mode: String) -> RuntimeDriverConfiguration {
            var engine = EngineConfiguration(
                id: "fixture", spawn: SpawnSpec(executable: Fixture.python, arguments: [EngineScript.path, mode]))
            engine.stop.stopRequestGraceMs = 200
            engine.stop.steps = [StopStep(signal: .terminate, graceMs: 200)]
            return RuntimeDriverConfiguration(coordinator: CoordinatorConfiguration(engines: [engine]))
        }

        static func shutDown(_ driver: RuntimeDriver) {
            driver.requestShutdown()
            #expect(driver.waitUntilFinished(timeoutMs: Fixture.waitMs))
            #expect(driver.liveProcessCount == 0)
        }

        @Test("a task submitted to the driver completes on a real engine, and shutdown stops it")
        func taskCompletes() throws {
            let events = EventCollector()
            let driver = RuntimeDriver(configuration: Self.configuration("normal"), eventHandler: events.handler)
            driver.start()
            defer { Self.shutDown(driver) }
            #expect(driver.send(.startAllEngines, timeoutMs: Fixture.waitMs) != nil)
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

        @Test("an engine crashing mid-request is reported as a crash and restarted")
        func crashRestarts() throws {
            let events = EventCollector()
            let driver = RuntimeDriver(configuration: Self.configuration("crash"), eventHandler: events.handler)
            driver.start()
            defer { Self.shutDown(driver) }
            #expect(driver.send(.startAllEngines, timeoutMs: Fixture.waitMs) != nil)
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
            let driver = RuntimeDriver(configuration: Self.configuration("garbage"), eventHandler: events.handler)
            driver.start()
            defer { Self.shutDown(driver) }
            #expect(driver.send(.startAllEngines, timeoutMs: Fixture.waitMs) != nil)
            #expect(events.wait { event in
                if case .engine("fixture", .crashed(.protocolErrors, _)) = event.kind { return true }
                return false
            })
            #expect(events.wait { $0.kind.name == "signal.engine.restarting" })
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
    }
}
