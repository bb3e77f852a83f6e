import Wire

extension EngineSession {
    mutating func handleHealthCheck(_ request: RPCRequest, slot: BatchSlot?, now: Int) {
        switch model {
        case .notLoaded, .loading:
            return reply(RPCResponse(id: request.id, result: healthJSON(.status(.loading, reason: "model loading"))), slot: slot)
        case .failed(let reason):
            return reply(RPCResponse(id: request.id, result: healthJSON(.status(.error, reason: reason))), slot: slot)
        case .ready: break
        }
        guard health.waiting.count < configuration.healthWaitersMax else {
            let status = HealthStatus.status(.degraded, reason: "too many health checks waiting")
            return reply(RPCResponse(id: request.id, result: healthJSON(status)), slot: slot)
        }
        let handle = register(request, kind: .health, slot: slot, now: now)
        health.waiting.append(handle.seq)
        if !health.outstanding {
            health.outstanding = true
            emit(.checkHealth)
        }
        if !health.deadlineArmed {
            health.deadlineArmed = true
            emit(.armTimer(.healthDeadline, atMs: now + configuration.healthTimeoutMs))
        }
    }

    /// The engine's `checkHealth()` returned: every waiting `health_check` gets it.
    package mutating func healthResult(_ status: HealthStatus, now: Int) -> [Action] {
        guard phase == .initialized else { return [] }
        health.outstanding = false
        if health.deadlineArmed {
            health.deadlineArmed = false
            emit(.cancelTimer(.healthDeadline))
        }
        answerHealthWaiters(status, now: now)
        return takeOutbox()
    }

    package func healthJSON(_ status: HealthStatus) -> JSONValue {
        var status = status
        if !status.detail.contains("activeRequests") {
            status.detail["activeRequests"] = .number(JSONNumber(activeTranscriptions))
        }
        return status.json
    }

    mutating func answerHealthWaiters(_ status: HealthStatus, now: Int) {
        let waiting = health.waiting
        health.waiting = []
        for seq in waiting {
            guard let request = requests[seq] else { continue }
            // Not in a batch and within the limit: the line goes out as encoded, without a JSONValue tree.
            if request.batchSlot == nil {
                let line = Self.healthLine(id: request.handle.id, status, activeRequests: activeTranscriptions)
                if line.count - 1 <= effectiveLimitBytes {
                    finishSucceeded(seq, line: line, now: now)
                    continue
                }
            }
            finish(seq, RPCResponse(id: request.handle.id, result: healthJSON(status)), now: now)
        }
    }

    /// A timer the host armed for this session has fired; stale firings are ignored.
    package mutating func timerFired(_ timer: SessionTimer, now: Int) -> [Action] {
        guard phase == .initialized, !stopAccepted else { return [] }
        switch timer {
        case .heartbeat:
            guard var schedule = heartbeat else { return [] }
            schedule.sequence += 1
            heartbeat = schedule
            writeNotification("heartbeat", JSONObject(members: [
                (key: "seq", value: .number(JSONNumber(schedule.sequence))),
                (key: "uptimeMs", value: .number(JSONNumber(uptimeMs(now)))),
            ]))
            emit(.armTimer(.heartbeat, atMs: now + schedule.intervalMs))
        case .healthDeadline:
            guard health.deadlineArmed else { return [] }
            health.deadlineArmed = false
            let reason = "health check did not answer within \(configuration.healthTimeoutMs) ms"
            answerHealthWaiters(.status(.degraded, reason: reason), now: now)
        }
        return takeOutbox()
    }

    func statusJSON(now: Int) -> JSONValue {
        let active = activeTranscriptions
        let state: String
        if stopAccepted {
            state = "stopping"
        } else if model == .loading || model == .notLoaded {
            state = "loading"
        } else if active >= configuration.maxConcurrentRequests {
            state = "busy"
        } else {
            state = "ready"
        }
        return .object(JSONObject(members: [
            (key: "state", value: .string(state)), (key: "activeRequests", value: .number(JSONNumber(active))),
            (key: "maxConcurrentRequests", value: .number(JSONNumber(configuration.maxConcurrentRequests))),
            (key: "uptimeMs", value: .number(JSONNumber(uptimeMs(now)))),
            (key: "requestsServed", value: .number(JSONNumber(metrics.total))),
        ]))
    }
}
