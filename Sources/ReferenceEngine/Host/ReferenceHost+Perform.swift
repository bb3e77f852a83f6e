import EngineSDK
import Wire

extension ReferenceHost {
    /// Carries out the session's actions; completions that are immediate (health) feed back at once.
    mutating func perform(_ sessionActions: [EngineSession.Action], now: Int) -> [HostAction] {
        var pending = sessionActions
        var actions: [HostAction] = []
        var index = 0
        while index < pending.count, phase != .exited {
            let action = pending[index]
            index += 1
            switch action {
            case .write(let bytes): actions.append(.stdout(bytes))
            case .log(let record): actions.append(.log(record))
            case .armTimer(let timer, let atMs): actions.append(.armTimer(.session(timer), atMs: atMs))
            case .cancelTimer(let timer): actions.append(.cancelTimer(.session(timer)))
            case .loadModel: actions.append(.armTimer(.modelLoaded, atMs: now + behaviour.loadingMs))
            case .checkHealth:
                let status: HealthStatus = behaviour.health == .ok ? .ok : .status(behaviour.health, reason: "set by --health")
                pending += session.healthResult(status, now: now)
            case .startTranscription(let handle, let request):
                actions += startPlan(handle, request, now: now)
            case .cancelTranscription(let handle):
                running[handle.seq] = nil
                actions.append(.cancelTimer(.planStep(requestSequence: handle.seq)))
            case .exit(let code):
                phase = .exited
                actions.append(.exit(code: code))
            }
        }
        return actions
    }

    private mutating func startPlan(_ handle: RequestHandle, _ request: TranscriptionRequest, now: Int) -> [HostAction] {
        requestCount += 1
        let audio = readFile(request.audioPath)
        let plan = ReferencePlanner.plan(
            audio: audio, transcriptText: audio == nil ? nil : transcriptText(for: request.audioPath),
            request: request, requestNumber: requestCount, behaviour: behaviour)
        running[handle.seq] = RunningPlan(handle: handle, plan: plan, startMs: now)
        return [.armTimer(.planStep(requestSequence: handle.seq), atMs: now + (plan.steps.first?.atMs ?? 0))]
    }

    /// `dir/hello.wav` → `dir/hello.txt`, else `dir/hello.wav.txt` (as the real lsref looks).
    func transcriptText(for audioPath: String) -> String? {
        var candidates: [String] = []
        if let dot = audioPath.lastIndex(of: "."), !audioPath[dot...].contains("/") {
            candidates.append(String(audioPath[..<dot]) + ".txt")
        }
        candidates.append(audioPath + ".txt")
        for candidate in candidates {
            if let bytes = readFile(candidate) { return String(decoding: bytes, as: UTF8.self) }
        }
        return nil
    }

    mutating func fire(_ timer: HostTimer, now: Int) -> [HostAction] {
        switch timer {
        case .startupDone: return []
        case .session(let sessionTimer): return perform(session.timerFired(sessionTimer, now: now), now: now)
        case .modelLoaded: return perform(session.modelLoaded(.success(()), now: now), now: now)
        case .planStep(let sequence): return runDueSteps(sequence, now: now)
        }
    }

    /// Runs every step of one plan that is due, then arms the timer for the next.
    private mutating func runDueSteps(_ sequence: UInt64, now: Int) -> [HostAction] {
        var actions: [HostAction] = []
        while var plan = running[sequence], plan.nextStep < plan.plan.steps.count, phase == .serving {
            let step = plan.plan.steps[plan.nextStep]
            guard plan.startMs + step.atMs <= now else {
                actions.append(.armTimer(.planStep(requestSequence: sequence), atMs: plan.startMs + step.atMs))
                break
            }
            plan.nextStep += 1
            running[sequence] = plan
            actions += runStep(step.action, plan.handle, now: now)
        }
        return actions
    }

    private mutating func runStep(_ action: PlanAction, _ handle: RequestHandle, now: Int) -> [HostAction] {
        switch action {
        case .progress(let fraction, let stage):
            return perform(session.transcriptionReport(handle, .progress(fraction: fraction, stage: stage), now: now), now: now)
        case .draft(let segment): return perform(session.transcriptionReport(handle, .draft(segment), now: now), now: now)
        case .rawOutput(let bytes): return perform(session.injectOutput(bytes), now: now)
        case .oversizedLine: return perform(session.injectOversizedLine(), now: now)
        case .finish(let outcome):
            running[handle.seq] = nil
            return perform(session.transcriptionFinished(handle, outcome, now: now), now: now)
        case .crash(let code):
            phase = .exited
            return [.log(LogRecord(.error, "crashing (fault injection)")), .exit(code: code)]
        case .hang:
            phase = .frozen
            return [.log(LogRecord(.warning, "frozen: no more answers (fault injection)"))]
        }
    }
}
