import Foundation
import Wire

extension SidecarServer {
    /// Carries out one action. Called without the state lock held.
    func perform(_ action: EngineSession.Action) {
        switch action {
        case .write(let bytes):
            guard PosixStreams.writeAll(outputFD, bytes) else {
                logger.log(.error, "stdout is closed; exiting")
                PosixStreams.exitNow(1)
            }
        case .armTimer(let timer, let atMs): arm(timer, atMs: atMs)
        case .cancelTimer(let timer): timers.withLock { $0.removeValue(forKey: timer) }?.cancel()
        case .loadModel(let load): loadModel(load)
        case .startTranscription(let handle, let request): start(handle, request)
        case .cancelTranscription(let handle):
            let running = transcriptions.withLock { $0.removeValue(forKey: handle.seq) }
            running?.signal.cancel()
            running?.task?.cancel()
        case .checkHealth:
            Task { [self] in
                let status = await engine.checkHealth()
                submit { session, now in session.healthResult(status, now: now) }
            }
        case .log(let record): logger.log(record)
        case .exit(let code): exitAfterStopping(code)
        }
    }

    private func arm(_ timer: SessionTimer, atMs: Int) {
        let delayMs = max(0, atMs - nowMs)
        let task = Task { [self] in
            do {
                try await Task.sleep(nanoseconds: UInt64(delayMs) * 1_000_000)
            } catch {
                return  // cancelled: the machine no longer wants this firing
            }
            timers.withLock { _ = $0.removeValue(forKey: timer) }
            submit { session, now in session.timerFired(timer, now: now) }
        }
        timers.withLock { $0.updateValue(task, forKey: timer) }?.cancel()
    }

    private func loadModel(_ load: EngineSession.ModelLoad) {
        Task { [self] in
            let outcome: Result<Void, EngineError>
            do {
                switch load {
                case .initial(let clientConfig):
                    var merged = config
                    merged.client = clientConfig
                    try await engine.initializeEngine(merged)
                case .restart:
                    await engine.stop()
                }
                try await engine.start()
                outcome = .success(())
            } catch {
                outcome = .failure(EngineError.wrapping(error))
            }
            submit { session, now in session.modelLoaded(outcome, now: now) }
        }
    }

    private func start(_ handle: RequestHandle, _ request: TranscriptionRequest) {
        let signal = CancellationSignal()
        transcriptions.withLock { $0[handle.seq] = Running(signal: signal) }
        let reporter = TranscriptionReporter { [self] report in
            submit { session, now in session.transcriptionReport(handle, report, now: now) }
        }
        let task = Task { [self] in
            let outcome: Result<Transcript, EngineError>
            do {
                outcome = .success(try await engine.transcribe(request, reporter: reporter, cancellation: signal))
            } catch {
                outcome = .failure(EngineError.wrapping(error))
            }
            transcriptions.withLock { _ = $0.removeValue(forKey: handle.seq) }
            submit { session, now in session.transcriptionFinished(handle, outcome, now: now) }
        }
        transcriptions.withLock { running in
            if running[handle.seq] != nil { running[handle.seq]?.task = task }
        }
    }

    /// Gives the engine's `stop()` a bounded time, then exits; nothing more reaches stdout
    /// because the machine has exited.
    private func exitAfterStopping(_ code: Int32) {
        let graceMs = options.stopGraceMs
        let watchdog = Thread {
            Thread.sleep(forTimeInterval: Double(graceMs) / 1_000)
            PosixStreams.exitNow(code)
        }
        watchdog.start()
        Task { [self] in
            await engine.stop()
            PosixStreams.exitNow(code)
        }
    }
}
