import Wire

/// Engine replies, progress and drafts for transcription requests.
extension Scheduler {
    /// Whether `request` is a transcription this scheduler sent (running or cancelled).
    package func owns(_ request: RequestID) -> Bool { running[request] != nil || orphans[request] != nil }

    /// The engine a transcription request was sent to (running or cancelled), if it is the scheduler's.
    package func engine(of request: RequestID) -> EngineID? { runningEngine(request) ?? orphans[request]?.engine }

    /// A final reply. False (and no outputs) when the request is not the scheduler's.
    package mutating func reply(
        to request: RequestID, _ reply: EngineReply, now: UInt64, into outputs: inout some SchedulerSink
    ) -> Bool {
        if let orphan = orphans.removeValue(forKey: request) {
            release(orphan.engine, cost: orphan.cost)
            outputs.append(.cancelTimer(.cancelGrace(request)))
            return true
        }
        guard let reference = running.removeValue(forKey: request) else { return false }
        guard case .running(let engine, _, _) = tasks[reference.task]!.lanes[reference.lane].state else {
            preconditionFailure("\(request) maps to a lane that is not running")
        }
        release(engine, cost: tasks[reference.task]!.spec.cost)
        outputs.append(.cancelTimer(.requestTimeout(request)))
        switch reply {
        case .success(let json):
            do {
                let transcript = try EngineCodec.transcript(from: json)
                laneEnded(reference, .completed(engine: engine, transcript), now: now, into: &outputs)
            } catch {
                laneEnded(reference, .failed(error), now: now, into: &outputs)
            }
        case .failure(let error)
        where Self.retryableCodes.contains(error.code)
            && tasks[reference.task]!.lanes[reference.lane].retries < configuration.retriesMax:
            tasks.updateLane(reference) { $0.retries += 1 }
            enqueue(reference, now: now)
            let reason = "\(engine) answered \(error.code) \(bounded(error.message))"
            outputs.append(.event(reference.task, .taskRequeued(
                engine: engine, attemptsFailed: tasks[reference.task]!.lanes[reference.lane].attemptsFailed,
                reason: reason)))
        case .failure(let error):
            // The engine's `data.reason` (SPEC error data) says what went wrong; keep it for the user.
            let reason = error.data?["reason"]?.stringValue.map { " (\(bounded($0)))" } ?? ""
            let failure = CoreError(.engineError, "\(engine): \(bounded(error.message))\(reason)", engineCode: error.code)
            laneEnded(reference, .failed(failure), now: now, into: &outputs)
        }
        return true
    }

    /// An engine-provided text cut to `engineMessageBytesMax` UTF-8 bytes.
    func bounded(_ text: String) -> String {
        text.utf8.count <= configuration.engineMessageBytesMax
            ? text : String(decoding: text.utf8.prefix(configuration.engineMessageBytesMax), as: UTF8.self)
    }

    /// Engine errors that say "not now" rather than "this request is bad": the lane is re-queued
    /// without counting a failed attempt (busy, shutting down, cancelled by an in-process restart).
    static let retryableCodes: Set<Int> = [
        EngineErrorObject.busyCode, EngineErrorObject.shuttingDownCode, EngineErrorObject.requestCancelledCode,
    ]

    /// A `progress` notification: lane progress never decreases; `progress.overall` is emitted when the
    /// task's mean progress rises.
    package mutating func progress(
        _ request: RequestID, permille: UInt32, now: UInt64, into outputs: inout some SchedulerSink
    ) {
        guard let reference = running[request],
            case .running(let engine, _, let old) = tasks[reference.task]!.lanes[reference.lane].state
        else { return }
        let new = min(1_000, max(old, permille))
        tasks.updateLane(reference) { $0.state = .running(engine: engine, request: request, progressPermille: new) }
        progressEvent(reference.task, into: &outputs)
    }

    mutating func progressEvent(_ id: TaskID, into outputs: inout some SchedulerSink) {
        let overall = tasks[id]!.progressPermille
        guard overall > tasks[id]!.progressEmittedPermille, tasks[id]!.outcome == nil else { return }
        tasks.update(id) { $0.progressEmittedPermille = overall }
        outputs.append(.event(id, .progressOverall(permille: overall)))
    }

    /// A `draft` notification: the first draft of a segment id is `subtitle.draft`, later ones
    /// `subtitle.overwrite`.
    package mutating func draft(
        _ request: RequestID, seq: UInt64, segment: Segment, now: UInt64, into outputs: inout some SchedulerSink
    ) {
        guard let reference = running[request],
            case .running(let engine, _, _) = tasks[reference.task]!.lanes[reference.lane].state
        else { return }
        let draftSegmentsMax = configuration.draftSegmentsMax
        // Decided and recorded in place (a copy of the set alive during the insert would copy it).
        let isNew: Bool? = tasks.updateLane(reference) { lane in
            if lane.draftSegments.contains(segment.id) { return false }
            guard lane.draftSegments.count < draftSegmentsMax else { return nil }
            lane.draftSegments.insert(segment.id)
            return true
        }
        guard let isNew else { return }
        let kind: EventKind = isNew
            ? .subtitleDraft(engine: engine, seq: seq, segment)
            : .subtitleOverwrite(engine: engine, seq: seq, segment)
        outputs.append(.event(reference.task, kind))
    }
}
