import Core
import Testing

@Suite("Event log: bounded history and replay")
struct EventLogTests {
    private let job = TaskID(1)

    private func filled(historyMax: Int, count: Int) -> EventLog {
        var log = EventLog(historyMax: historyMax)
        for permille in 1...count { _ = log.append(job: job, kind: .progressOverall(permille: UInt32(permille)), now: 0) }
        return log
    }

    @Test("ids increase by one across all jobs")
    func ids() {
        var log = EventLog()
        let first = log.append(job: TaskID(1), kind: .taskQueued, now: 0)
        let second = log.append(job: TaskID(2), kind: .taskQueued, now: 0)
        let third = log.append(job: nil, kind: .engine("a", .stopped), now: 0)
        #expect([first.id, second.id, third.id] == [EventID(1), EventID(2), EventID(3)])
        #expect(log.replay(job: TaskID(1), after: nil) == [first])
        #expect(log.replay(job: nil, after: nil) == [third])
    }

    @Test("a subscriber reconnecting with its last id gets exactly the missed events", arguments: [0, 1, 5, 9, 10])
    func gapFree(seen: Int) {
        let log = filled(historyMax: 1_000, count: 10)
        let replay = log.replay(job: job, after: seen == 0 ? nil : EventID(UInt64(seen)))
        #expect(replay.map(\.id.value) == Array(stride(from: UInt64(seen + 1), through: 10, by: 1)))
    }

    @Test("evicted events are reported with history.truncated, then everything retained")
    func truncated() {
        let log = filled(historyMax: 4, count: 10)
        let replay = log.replay(job: job, after: EventID(3))
        #expect(replay.first?.kind == .historyTruncated(evictedThrough: EventID(6)))
        #expect(replay.first?.id == EventID(6))
        #expect(replay.dropFirst().map(\.id.value) == [7, 8, 9, 10])
    }

    @Test("no truncation marker when the subscriber saw everything evicted", arguments: [6, 7])
    func notTruncated(seen: UInt64) {
        let log = filled(historyMax: 4, count: 10)
        #expect(log.replay(job: job, after: EventID(seen)).map(\.id.value) == Array((seen + 1)...10))
    }

    @Test("history stays at its bound", arguments: [1, 3, 1_000])
    func bounded(historyMax: Int) {
        let log = filled(historyMax: historyMax, count: 1_500)
        #expect(log.count(job: job) == historyMax)
        #expect(log.violations() == [])
    }

    @Test("the final event closes a job's log")
    func final() {
        var log = EventLog()
        _ = log.append(job: job, kind: .taskQueued, now: 0)
        #expect(!log.isFinished(job: job))
        _ = log.append(job: job, kind: .taskCompleted, now: 1)
        #expect(log.isFinished(job: job))
        #expect(log.violations() == [])
    }

    @Test("event names are the documented wire names")
    func names() {
        let kinds: [(EventKind, String)] = [
            (.subtitleDraft(engine: "a", seq: 1, Fixture.segment(0, "x")), "subtitle.draft"),
            (.subtitleOverwrite(engine: "a", seq: 1, Fixture.segment(0, "x")), "subtitle.overwrite"),
            (.progressOverall(permille: 1), "progress.overall"),
            (.engine("a", .crashed(.cleanExit, nil)), "signal.engine.crashed"),
            (.engine("a", .restarting(delayMs: 1, restartCount: 1)), "signal.engine.restarting"),
            (.engine("a", .failed(.cleanExit)), "signal.engine.failed"),
            (.taskQuarantined(engine: "a", reasons: []), "signal.task.quarantined"),
            (.historyTruncated(evictedThrough: EventID(1)), "history.truncated"),
        ]
        for (kind, name) in kinds { #expect(kind.name == name) }
    }
}
