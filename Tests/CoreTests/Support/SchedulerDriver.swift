import Core
import Testing
import Wire

/// Drives a `Scheduler` directly: explicit time, explicit engine slots, invariants after each step.
struct SchedulerDriver {
    var scheduler: Scheduler
    var slots: [EngineSlot]
    var now: UInt64 = 0
    var requestIDs = RequestIDAllocator()
    /// Every output so far.
    var outputs: [SchedulerOutput] = []

    init(_ configuration: SchedulerConfiguration = .default, engines: [EngineSlot]) {
        var capacities: [EngineID: UInt32?] = [:]
        for slot in engines { capacities[slot.id] = slot.costCapacity }
        scheduler = Scheduler(configuration: configuration, engines: capacities)
        slots = engines.sorted { $0.id < $1.id }
    }

    /// One engine "a" with the given concurrency.
    init(_ configuration: SchedulerConfiguration = .default, concurrency: Int) {
        self.init(configuration, engines: [EngineSlot(id: "a", acceptsWork: true, requestsInFlightMax: concurrency)])
    }

    private mutating func record(_ new: [SchedulerOutput]) {
        outputs += new
        #expect(scheduler.violations() == [], "at \(now)")
    }

    @discardableResult
    mutating func submit(_ spec: TaskSpec) -> TaskID {
        do {
            let result = try scheduler.submit(spec, now: now)
            record(result.outputs)
            return result.id
        } catch {
            Issue.record("submit rejected: \(error)")
            return TaskID(0)
        }
    }

    mutating func submitError(_ spec: TaskSpec) -> CoreError.Code? {
        do {
            _ = try scheduler.submit(spec, now: now)
            return nil
        } catch {
            return error.code
        }
    }

    /// Dispatches and returns (task, engine, request) for each started lane.
    @discardableResult
    mutating func dispatch() -> [(task: TaskID, engine: EngineID, request: RequestID)] {
        let new = scheduler.dispatch(now: now, engines: slots, requestIDs: &requestIDs)
        record(new)
        return new.compactMap { output in
            guard case .send(let engine, .transcribe(let request, _)) = output else { return nil }
            return (scheduler.running[request]!.task, engine, request)
        }
    }

    mutating func complete(_ request: RequestID, text: String = "hello") {
        record(scheduler.reply(to: request, .success(Fixture.transcript(text)), now: now) ?? [])
    }

    mutating func fail(_ request: RequestID, code: Int) {
        let error = EngineErrorObject(code: code, message: "failed \(code)")
        record(scheduler.reply(to: request, .failure(error), now: now) ?? [])
    }

    mutating func cancel(_ task: TaskID) -> CoreError.Code? {
        do {
            record(try scheduler.cancel(task, now: now))
            return nil
        } catch {
            return error.code
        }
    }

    mutating func lose(_ engine: EngineID, countsAttempt: Bool = true, reason: String = "crash") {
        record(scheduler.engineLost(engine, countsAttempt: countsAttempt, reason: reason, now: now))
    }

    mutating func fire(_ timer: TimerID) { record(scheduler.timerFired(timer, now: now)) }

    func state(_ task: TaskID) -> TaskState { scheduler.task(task)!.state }

    /// Dispatches one lane at a time, completing each, until nothing is queued; returns the order.
    mutating func drain() -> [TaskID] {
        var order: [TaskID] = []
        while let started = dispatch().first {
            order.append(started.task)
            complete(started.request)
        }
        return order
    }

    /// Names of the events emitted for a task so far.
    func eventNames(_ task: TaskID) -> [String] {
        outputs.compactMap { if case .event(task, let kind) = $0 { kind.name } else { nil } }
    }
}
