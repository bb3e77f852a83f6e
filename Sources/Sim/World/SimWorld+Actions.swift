import Core
import Wire

/// Performing the coordinator's actions in the simulated world.
extension SimWorld {
    func perform(_ action: CoordinatorAction, after input: CoordinatorInput) {
        switch action {
        case .checkDependencies(let engine, _):
            let script = setup(engine).script.dependencies
            let missing = installed.contains(engine) ? [] : script.missing
            schedule(.input(.dependenciesChecked(engine, missing: missing)), afterMs: script.checkMs)
        case .installDependencies(let engine, _):
            let script = setup(engine).script.dependencies
            switch script.install {
            case .ok:
                installed.insert(engine)
                schedule(.input(.dependenciesInstalled(engine, failure: nil)), afterMs: script.installMs)
            case .fail:
                schedule(.input(.dependenciesInstalled(engine, failure: "install failed")), afterMs: script.installMs)
            case .hang:
                break
            }
        case .spawn(let engine, _):
            spawn(engine)
        case .send(let engine, let request):
            send(request, to: engine)
        case .signal(_, let pid, let signal, let processGroup):
            self.signal(pid, signal, group: processGroup)
        case .armTimer(let timer, let atMs):
            timerCounter += 1
            timerGenerations[timer] = timerCounter
            queue.schedule(.timer(timer, generation: timerCounter), atMs: max(atMs, nowMs))
        case .cancelTimer(let timer):
            timerGenerations[timer] = nil
        case .emit(let event):
            emitted(event)
        case .reply(.submitted(let id, let deduplicated)):
            if let alias = submittingAlias { book.submitted(id, alias: alias, deduplicated: deduplicated) }
        case .reply(.rejected(let error)):
            if let alias = submittingAlias { book.rejected(alias: alias, code: error.code.id) }
        case .reply:
            break
        }
    }

    func setup(_ engine: EngineID) -> EngineSetup {
        for setup in scenario.engines where setup.id == engine { return setup }
        preconditionFailure("no engine \(engine) in the scenario")
    }

    /// Encodes a request with the real codec and writes it to the engine's stdin.
    func send(_ request: EngineRequest, to engine: EngineID) {
        guard let pid = leaders[engine], processes[pid]?.alive == true else { return }  // EPIPE: dropped
        writePipe(pid, EngineCodec.encodedLine(request), stream: .stdin)
    }
}
