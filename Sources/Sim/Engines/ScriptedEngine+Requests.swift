import Core
import Wire

/// `transcribe`, `cancel` and `stop` in a scripted engine.
extension ScriptedEngine {
    mutating func transcribe(id: JSONValue, audioPath: String, now: UInt64) -> [EngineEffect] {
        if stopping { return [.stdout(RPCLines.error(id: id, code: -32_030, message: "shutting down"))] }
        guard active.count < script.maxConcurrentRequests else {
            return [.stdout(RPCLines.error(id: id, code: -32_020, message: "busy"))]
        }
        guard let key = id.numberValue.flatMap({ UInt64($0.text) }) else { return [] }
        let request = script.request(audioPath: audioPath)
        var effects: [EngineEffect] = []
        for index in 0..<request.garbageLines { effects.append(.stdout(RPCLines.garbage(index))) }
        if request.oversizedBytes > 0 {
            effects.append(.stdout(Array(repeating: UInt8(ascii: "x"), count: request.oversizedBytes) + [0x0A]))
        }
        let (plan, offsets) = cachedPlan(request)
        active[key] = ActiveRequest(id: id, script: request, plan: plan, audioPath: audioPath)
        effects.reserveCapacity(effects.count + offsets.count)
        for (index, offset) in offsets.enumerated() { effects.append(.after(offset, .request(id: key, index: index))) }
        return effects
    }

    /// `plan(request)`, kept for the last request script (a process's requests mostly share one).
    mutating func cachedPlan(_ request: RequestScript) -> ([PlannedStep], [UInt64]) {
        if let last = lastPlan, last.script == request { return (last.plan, last.offsets) }
        let (plan, offsets) = Self.plan(request)
        lastPlan = (request, plan, offsets)
        return (plan, offsets)
    }

    /// The request's steps and their offsets from its arrival, in time order.
    package static func plan(_ request: RequestScript) -> ([PlannedStep], [UInt64]) {
        var steps: [(UInt64, PlannedStep)] = []
        steps.reserveCapacity(request.progressSteps + request.drafts + request.overwrites + 1)
        let latency = request.latencyMs
        let progressCount = UInt64(request.progressSteps)
        for step in 0..<progressCount {
            let offset = latency * (step + 1) / (progressCount + 1)
            steps.append((offset, .progress(permille: 1_000 * (step + 1) / (progressCount + 1))))
        }
        let draftCount = request.drafts + request.overwrites
        for index in 0..<draftCount {
            let offset = latency * UInt64(index + 1) / UInt64(draftCount + 1)
            let segment = index < request.drafts ? index : (index - request.drafts) % request.drafts
            steps.append((offset, .draft(seq: index + 1, segment: segment)))
        }
        switch request.outcome {
        case .result, .error, .invalidResult: steps.append((latency, .reply))
        case .crash: steps.append((request.crashAtMs ?? latency / 2, .crash))
        case .hang: break
        }
        return ordered(steps)
    }

    /// The steps by offset, ties in listed order (a stable sort), split into steps and offsets.
    static func ordered(_ steps: [(UInt64, PlannedStep)]) -> ([PlannedStep], [UInt64]) {
        var order = Array(steps.indices)
        if steps.count > 1 { order.sort { (steps[$0].0, $0) < (steps[$1].0, $1) } }
        var planned: [PlannedStep] = []
        var offsets: [UInt64] = []
        planned.reserveCapacity(steps.count)
        offsets.reserveCapacity(steps.count)
        for index in order {
            planned.append(steps[index].1)
            offsets.append(steps[index].0)
        }
        return (planned, offsets)
    }

    mutating func requestStep(id: UInt64, index: Int, now: UInt64) -> [EngineEffect] {
        guard let request = active[id] else { return [] }
        switch request.plan[index] {
        case .progress(let permille):
            return [.stdout(Self.progressLine(id: request.id, permille: permille))]
        case .draft(let seq, let segment):
            return [.stdout(Self.draftLine(id: request.id, seq: seq, segment: segment, audioPath: request.audioPath))]
        case .crash:
            return [.stderr("panic: scripted crash in request \(id)"), .exit(request.script.exitStatus)]
        case .reply:
            active[id] = nil
            return [.stdout(Self.finalReply(request))]
        }
    }

    static func finalReply(_ request: ActiveRequest) -> [UInt8] {
        switch request.script.outcome {
        case .error:
            return RPCLines.error(id: request.id, code: request.script.errorCode, message: "scripted failure")
        case .invalidResult:
            return RPCLines.result(id: request.id, ["unexpected": true])
        case .result, .crash, .hang:
            return resultLine(id: request.id, segments: request.script.segments, audioPath: request.audioPath)
        }
    }

    /// The final result line, written straight into bytes: the same bytes as
    /// `RPCLines.result(id:_:)` of `resultJSON(segments:audioPath:)` (a test holds them equal).
    package static func resultLine(id: JSONValue, segments: Int, audioPath: String) -> [UInt8] {
        var out = RPCLines.start()
        out.appendLiteral("\"id\":")
        out.write(id)
        out.appendLiteral(",\"result\":{\"language\":\"en\",\"duration\":")
        RPCLines.writeThousandths(UInt64(max(1, segments)) * 1_500, &out)
        out.appendLiteral(",\"segments\":[")
        for index in 0..<segments {
            if index > 0 { out.bytes.append(UInt8(ascii: ",")) }
            writeSegment(index, audioPath: audioPath, draft: false, &out)
        }
        out.appendLiteral("],\"metrics\":{}}")
        return RPCLines.end(&out)
    }

    /// The final result as a JSON tree (the reference for `resultLine`).
    package static func resultJSON(segments: Int, audioPath: String) -> JSONValue {
        var list: [JSONValue] = []
        for index in 0..<segments { list.append(segment(index, audioPath: audioPath, draft: false)) }
        return [
            "language": "en", "duration": RPCLines.thousandths(UInt64(max(1, segments)) * 1_500),
            "segments": .array(list), "metrics": [:],
        ]
    }

    package static func segment(_ index: Int, audioPath: String, draft: Bool) -> JSONValue {
        let start = UInt64(index) * 1_500
        return [
            "id": .number(JSONNumber(index)), "start": RPCLines.thousandths(start),
            "end": RPCLines.thousandths(start + 1_500),
            "text": .string("\(draft ? "draft" : "segment") \(index) of \(audioPath)"), "words": [],
        ]
    }

    mutating func cancel(target: UInt64?) -> [EngineEffect] {
        guard let key = target, let request = active[key],
            request.script.honorsCancel
        else { return [] }
        active[key] = nil
        let line = RPCLines.error(id: request.id, code: -32_800, message: "request cancelled")
        return [.after(request.script.cancelReplyMs, .write(line))]
    }

    mutating func stop(id: JSONValue) -> [EngineEffect] {
        guard script.exitsOnStop else { return [] }
        stopping = true
        var effects: [EngineEffect] = []
        for key in active.keys.sorted() {
            effects.append(.stdout(RPCLines.error(id: active[key]!.id, code: -32_030, message: "shutting down")))
        }
        active = [:]
        effects.append(.stdout(RPCLines.result(id: id, .null)))
        effects.append(.after(script.stopExitMs, .exit(.exited(code: 0))))
        return effects
    }
}
