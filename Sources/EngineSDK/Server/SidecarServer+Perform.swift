import Foundation
import Wire

extension SidecarServer {
    /// Carries out one action. Called without the state lock held.
    func perform(_ action: EngineSession.Action) {
        switch action {
        case .write(let bytes): writeOut(bytes)
        case .armTimer(let timer, let atMs): timers.arm(timer, atMs: atMs)
        case .cancelTimer(let timer): timers.cancel(timer)
        case .loadModel(let load): loadModel(load)
        case .startTranscription(let handle, let request): start(handle, request)
        case .cancelTranscription(let handle):
            let running = transcriptions.withLock { $0.removeValue(forKey: handle.seq) }
            running?.signal.cancel()
            running?.task?.cancel()
        case .checkHealth: checkHealth()
        case .log(let record): queueLog(record)
        case .exit(let code):
            flushLogs()
            exitAfterStopping(code)
        }
    }

    /// Writes protocol bytes to stdout; exits when stdout is closed.
    func writeOut(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        guard output.write(bytes) else {
            flushLogs()
            logger.log(.error, "stdout is closed; exiting")
            PosixStreams.exitNow(1)
        }
    }

    private func checkHealth() {
        if let status = immediate?.checkHealthImmediately() {
            return submit { session, now in session.healthResult(status, now: now) }
        }
        Task { [self] in
            let status = await engine.checkHealth()
            submit { session, now in session.healthResult(status, now: now) }
        }
    }

    private func loadModel(_ load: EngineSession.ModelLoad) {
        if case .initial(let clientConfig) = load, let immediate {
            var merged = config
            merged.client = clientConfig
            do {
                if try immediate.loadImmediately(merged) {
                    return submit { session, now in session.modelLoaded(.success(()), now: now) }
                }
            } catch {
                let failure = EngineError.wrapping(error)
                return submit { session, now in session.modelLoaded(.failure(failure), now: now) }
            }
        }
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
        let reporter = TranscriptionReporter { [self] report in
            submit { session, now in session.transcriptionReport(handle, report, now: now) }
        }
        if let immediate, transcribeImmediately(immediate, handle, request, reporter, signal) { return }
        transcriptions.withLock { $0[handle.seq] = Running(signal: signal) }
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

    /// Runs the engine's synchronous `transcribe` on this (the draining) thread; false when it declined.
    /// No cancel can be performed meanwhile, as only the drainer performs actions; one the session
    /// accepted in the meantime makes it drop this outcome, as it drops a late async one.
    private func transcribeImmediately(
        _ immediate: any ImmediateSpeechEngine, _ handle: RequestHandle, _ request: TranscriptionRequest,
        _ reporter: TranscriptionReporter, _ signal: CancellationSignal
    ) -> Bool {
        let outcome: Result<Transcript, EngineError>
        do {
            guard let transcript = try immediate.transcribeImmediately(request, reporter: reporter, cancellation: signal) else {
                return false
            }
            outcome = .success(transcript)
        } catch {
            outcome = .failure(EngineError.wrapping(error))
        }
        submit { session, now in session.transcriptionFinished(handle, outcome, now: now) }
        return true
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
