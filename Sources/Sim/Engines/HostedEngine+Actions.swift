import Core
import EngineSDK
import ReferenceEngine
import Wire

/// Carrying out the session's actions, and the reference engine's plans.
extension HostedEngine {
    mutating func perform(_ actions: [EngineSession.Action], now: UInt64) -> [EngineEffect] {
        var effects: [EngineEffect] = []
        for action in actions {
            switch action {
            case .write(let bytes):
                effects.append(.stdout(bytes))
            case .armTimer(let timer, let atMs):
                if let old = timerTokens[timer] { work[old] = nil }
                effects.append(schedule(.timer(timer), afterMs: UInt64(max(0, atMs - Int(now)))))
                timerTokens[timer] = nextToken
            case .cancelTimer(let timer):
                if let old = timerTokens.removeValue(forKey: timer) { work[old] = nil }
            case .loadModel:
                effects.append(schedule(.modelLoaded, afterMs: UInt64(behaviour.loadingMs)))
            case .startTranscription(let handle, let request):
                effects += startTranscription(handle, request, now: now)
            case .cancelTranscription(let handle):
                plans[handle.seq] = nil
            case .checkHealth:
                let status: EngineSDK.HealthStatus = behaviour.health == .ok
                    ? .ok : .status(behaviour.health, reason: "scripted")
                effects += perform(session.healthResult(status, now: Int(now)), now: now)
            case .log(let record):
                effects.append(.stderr("\(record.level.rawValue): \(record.message)"))
            case .exit(let code):
                effects.append(.exit(.exited(code: code)))
            }
        }
        return effects
    }

    mutating func startTranscription(_ handle: RequestHandle, _ request: TranscriptionRequest, now: UInt64) -> [EngineEffect] {
        requestNumber += 1
        let plan = ReferencePlanner.plan(
            audio: files[request.audioPath], transcriptText: nil, request: request, requestNumber: requestNumber,
            behaviour: behaviour)
        plans[handle.seq] = (handle, plan)
        var effects: [EngineEffect] = []
        for (index, step) in plan.steps.enumerated() {
            effects.append(schedule(.planStep(seq: handle.seq, index: index), afterMs: UInt64(max(0, step.atMs))))
        }
        return effects
    }

    mutating func planStep(seq: UInt64, index: Int, now: UInt64) -> [EngineEffect] {
        guard let (handle, plan) = plans[seq] else { return [] }
        let time = Int(now)
        switch plan.steps[index].action {
        case .progress(let fraction, let stage):
            return perform(session.transcriptionReport(handle, .progress(fraction: fraction, stage: stage), now: time), now: now)
        case .draft(let segment):
            return perform(session.transcriptionReport(handle, .draft(segment), now: time), now: now)
        case .rawOutput(let bytes):
            return perform(session.injectOutput(bytes), now: now)
        case .oversizedLine:
            return perform(session.injectOversizedLine(), now: now)
        case .finish(let outcome):
            plans[seq] = nil
            return perform(session.transcriptionFinished(handle, outcome, now: time), now: now)
        case .crash(let code):
            return [.stderr("lsref: crashing as asked (exit \(code))"), .exit(.exited(code: code))]
        case .hang:
            frozen = true
            return [.stderr("lsref: hanging as asked")]
        }
    }
}
