/// Per-job bounded event histories with gap-free replay.
///
/// Ids come from one counter, so each job's events have increasing (not consecutive) ids. A job keeps
/// its last `historyMax` events; `replay(job:after:)` returns exactly the events after the given id, or,
/// when some of those were evicted, a synthetic `history.truncated` event first (its id is the last
/// evicted id, so a subscriber may store it as its position) followed by everything retained.
/// Appending to a job after its final event is a programming error (precondition).
package struct EventLog: Sendable {
    package var historyMax: Int
    package private(set) var nextID: UInt64 = 1
    private var jobs = DenseTable<JobHistory>()
    private var coordinatorHistory = JobHistory()

    struct JobHistory: Sendable {
        /// Ring storage: `events[head...]` then `events[..<head]` once full.
        var events: [Event] = []
        var head = 0
        var evictedThrough: EventID?
        var finished = false
        var job: TaskID?

        var ordered: [Event] { Array(events[head...]) + Array(events[..<head]) }

        /// Appends in place (no copy of the history), evicting the oldest event when full.
        /// A job's event: none may follow its final event.
        mutating func insertJobEvent(_ event: Event, historyMax: Int) {
            precondition(!finished, "event \(event.kind.name) after the final event of \(job?.description ?? "?")")
            insert(event, historyMax: historyMax)
        }

        mutating func insert(_ event: Event, historyMax: Int) {
            if event.kind.isFinal { finished = true }
            if events.count < historyMax {
                events.append(event)
                return
            }
            evictedThrough = events[head].id
            events[head] = event
            head = (head + 1) % events.count
        }
    }

    /// Room reserved in a new job's history: a task's usual events (queued, started, progress,
    /// result, final) fit without regrowing.
    static let jobEventsReserved = 8
    /// Room reserved in the coordinator-wide history (engine signals of a few start/stop cycles).
    static let coordinatorEventsReserved = 64

    package init(historyMax: Int = 1_000) {
        precondition(historyMax >= 1, "historyMax must be at least 1")
        self.historyMax = historyMax
        coordinatorHistory.events.reserveCapacity(min(historyMax, Self.coordinatorEventsReserved))
    }

    /// Appends an event, assigning the next id.
    package mutating func append(job: TaskID?, kind: consuming EventKind, now: UInt64) -> Event {
        let priority = kind.priority
        let event = Event(id: EventID(nextID), job: job, atMs: now, priority: priority, kind: kind)
        nextID += 1
        if let job {
            if !jobs.contains(job.value) {
                var history = JobHistory(job: job)
                history.events.reserveCapacity(min(historyMax, Self.jobEventsReserved))
                jobs.insertNew(history, at: job.value)
            }
            let historyMax = historyMax
            jobs.update(job.value) { $0.insertJobEvent(event, historyMax: historyMax) }
        } else {
            coordinatorHistory.insert(event, historyMax: historyMax)
        }
        return event
    }

    /// The events of `job` (nil: coordinator-wide) after `after` (nil: from the start), in order.
    package func replay(job: TaskID?, after: EventID?) -> [Event] {
        let history = job.map { jobs[$0.value] ?? JobHistory() } ?? coordinatorHistory
        var result: [Event] = []
        if let evicted = history.evictedThrough, (after ?? EventID(0)) < evicted {
            result.append(Event(
                id: evicted, job: job, atMs: history.events[history.head].atMs, priority: .high,
                kind: .historyTruncated(evictedThrough: evicted)))
        }
        for event in history.ordered where after.map({ event.id > $0 }) ?? true { result.append(event) }
        return result
    }

    /// Whether the job's final event was appended.
    package func isFinished(job: TaskID) -> Bool { jobs[job.value]?.finished ?? false }

    /// Retained events of a job.
    package func count(job: TaskID?) -> Int {
        (job.map { jobs[$0.value] ?? JobHistory() } ?? coordinatorHistory).events.count
    }

    /// Drops a forgotten job's history.
    package mutating func forget(job: TaskID) { jobs.remove(job.value) }

    /// Broken invariants: ids not increasing within a history, more than `historyMax` kept, or an
    /// event after the final one.
    package func violations() -> [String] {
        var found: [String] = []
        for history in [coordinatorHistory] + jobs.all {
            let job = history.job
            let events = history.ordered
            if events.count > historyMax { found.append("\(job?.description ?? "coordinator"): history over max") }
            for (earlier, later) in zip(events, events.dropFirst()) where earlier.id >= later.id {
                found.append("\(job?.description ?? "coordinator"): ids not increasing at \(later.id)")
            }
            if let finalIndex = events.firstIndex(where: \.kind.isFinal), finalIndex != events.count - 1 {
                found.append("\(job?.description ?? "coordinator"): event after the final event")
            }
        }
        return found
    }
}
