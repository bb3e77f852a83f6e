import Wire

/// The scheduler's operations with their outputs returned as an array (tests and tools drive the
/// scheduler alone this way; the coordinator passes its `ActionSink` instead).
extension Scheduler {
    package mutating func submit(
        _ spec: TaskSpec, now: UInt64
    ) throws(CoreError) -> (id: TaskID, deduplicated: Bool, outputs: [SchedulerOutput]) {
        var outputs: [SchedulerOutput] = []
        let (id, deduplicated) = try submit(spec, now: now, into: &outputs)
        return (id, deduplicated, outputs)
    }

    package mutating func cancel(_ id: TaskID, now: UInt64) throws(CoreError) -> [SchedulerOutput] {
        var outputs: [SchedulerOutput] = []
        try cancel(id, now: now, into: &outputs)
        return outputs
    }

    package mutating func dispatch(
        now: UInt64, engines: [EngineSlot], requestIDs: inout RequestIDAllocator
    ) -> [SchedulerOutput] {
        var outputs: [SchedulerOutput] = []
        dispatch(now: now, engines: engines, requestIDs: &requestIDs, into: &outputs)
        return outputs
    }

    /// nil when the request is not the scheduler's.
    package mutating func reply(to request: RequestID, _ reply: EngineReply, now: UInt64) -> [SchedulerOutput]? {
        var outputs: [SchedulerOutput] = []
        return self.reply(to: request, reply, now: now, into: &outputs) ? outputs : nil
    }

    package mutating func progress(_ request: RequestID, permille: UInt32, now: UInt64) -> [SchedulerOutput] {
        var outputs: [SchedulerOutput] = []
        progress(request, permille: permille, now: now, into: &outputs)
        return outputs
    }

    package mutating func draft(_ request: RequestID, seq: UInt64, segment: Segment, now: UInt64) -> [SchedulerOutput] {
        var outputs: [SchedulerOutput] = []
        draft(request, seq: seq, segment: segment, now: now, into: &outputs)
        return outputs
    }

    package mutating func engineLost(
        _ engine: EngineID, countsAttempt: Bool, reason: String, now: UInt64
    ) -> [SchedulerOutput] {
        var outputs: [SchedulerOutput] = []
        engineLost(engine, countsAttempt: countsAttempt, reason: reason, now: now, into: &outputs)
        return outputs
    }

    package mutating func failLanesPinned(to engine: EngineID, now: UInt64) -> [SchedulerOutput] {
        var outputs: [SchedulerOutput] = []
        failLanesPinned(to: engine, now: now, into: &outputs)
        return outputs
    }

    package mutating func timerFired(_ timer: TimerID, now: UInt64) -> [SchedulerOutput] {
        var outputs: [SchedulerOutput] = []
        timerFired(timer, now: now, into: &outputs)
        return outputs
    }
}
