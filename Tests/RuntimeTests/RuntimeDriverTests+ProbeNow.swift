import Core
import Foundation
import Runtime
import Testing

extension RealProcessTests.RuntimeDriverTests {
    @Test("probe now: a real lsref answers the health_check, reported as signal.engine.probed ok; stopped, it is refused")
    func referenceEngineProbedNow() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.referenceEngine), "build lsref first")
        let events = EventCollector()
        let driver = RuntimeDriver(configuration: Self.referenceConfiguration([]), eventHandler: events.handler)
        driver.start()
        defer { Self.shutDown(driver) }
        #expect(driver.send(.startAllEngines, timeoutMs: Fixture.waitMs) != nil)
        #expect(events.wait { if case .engine("lsref", .ready) = $0.kind { true } else { false } })
        #expect(driver.send(.probeEngine("lsref"), timeoutMs: Fixture.waitMs) == .probing("lsref", alreadyOutstanding: false))
        #expect(events.wait { $0.kind == .engine("lsref", .probed(.ok)) })
        #expect(driver.send(.stopEngine("lsref"), timeoutMs: Fixture.waitMs) == .engineCommandAccepted(["lsref"]))
        #expect(events.wait { $0.kind == .engine("lsref", .stopped) })
        guard case .rejected(let error)? = driver.send(.probeEngine("lsref"), timeoutMs: Fixture.waitMs) else {
            Issue.record("a stopped engine was probed")
            return
        }
        #expect(error.code == .engineStateConflict)
    }
}
