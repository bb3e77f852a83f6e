import Wire

extension EngineSession {
    mutating func handleTranscribe(_ request: RPCRequest, slot: BatchSlot?, now: Int) {
        let transcription: TranscriptionRequest
        do throws(ParamsError) {
            transcription = try Self.transcriptionRequest(request)
        } catch {
            return reply(error.response(id: request.id), slot: slot)
        }
        let maxConcurrent = configuration.maxConcurrentRequests
        guard activeTranscriptions < maxConcurrent else {
            return reply(Self.errorResponse(
                request.id, .busy, reason: "\(maxConcurrent) transcriptions already in flight",
                extra: ["maxConcurrentRequests": .number(JSONNumber(maxConcurrent))]), slot: slot)
        }
        let languages = configuration.descriptor.languages
        if let language = transcription.language, !languages.contains(language) {
            return reply(Self.errorResponse(
                request.id, .languageUnsupported, reason: "language \(Self.quoted(language)) is not supported",
                extra: ["language": .string(language), "supported": .array(languages.map { .string($0) })]), slot: slot)
        }
        // With the model loaded it is registered running, as `startTranscription` would mark it.
        var progress = TranscriptionProgress(request: transcription)
        if case .ready = model { progress.running = true }
        let handle = register(request, kind: .transcription(progress), slot: slot, now: now)
        emit(.log(LogRecord(.info, "transcribe accepted", requestID: request.id,
                            extra: JSONObject(members: [(key: "path", value: .string(transcription.audioPath))]))))
        switch model {
        case .ready: emit(.startTranscription(handle, transcription))
        case .notLoaded, .loading: break
        case .failed(let reason):
            finish(handle.seq, Self.errorResponse(request.id, .engineFailure, reason: "model not loaded: \(reason)"), now: now)
        }
    }

    static func transcriptionRequest(_ request: RPCRequest) throws(ParamsError) -> TranscriptionRequest {
        let params = try ParamsError.object(request.params)
        guard case .object(let audio)? = params["audio"], case .string(let path)? = audio["path"] else {
            throw ParamsError("audio must be {\"path\": string}", member: "audio.path")
        }
        var language: String?
        switch params["language"] {
        case nil, .null?: language = nil
        case .string(let value)?: language = value
        default: throw ParamsError("language must be a string or null", member: "language")
        }
        var options = JSONObject()
        switch params["options"] {
        case nil: break
        case .object(let value)?: options = value
        default: throw ParamsError("options must be an object", member: "options")
        }
        return TranscriptionRequest(id: request.id, audioPath: path, language: language, options: options)
    }

    mutating func startTranscription(_ handle: RequestHandle) {
        guard case .transcription(var progress)? = requests[handle.seq]?.kind, !progress.running else {
            preconditionFailure("start of \(handle), which is not a waiting transcription")
        }
        progress.running = true
        requests[handle.seq]?.kind = .transcription(progress)
        emit(.startTranscription(handle, progress.request))
    }

    /// Progress or a draft from the engine. Dropped unless the request is still in flight; progress is
    /// clamped to 0…1 and never decreases; drafts are numbered and obey `capabilities` (SPEC 7.3–7.5).
    package mutating func transcriptionReport(_ handle: RequestHandle, _ report: TranscriptionReport, now: Int) -> [Action] {
        // By index: one hash lookup, and the entry is updated in place below.
        guard phase == .initialized, !stopAccepted, let index = requests.index(forKey: handle.seq),
              case .transcription(var progress) = requests.values[index].kind, progress.running
        else { return [] }
        switch report {
        case .progress(let fraction, let stage):
            guard !fraction.isNaN else { break }
            let clamped = max(progress.lastFraction ?? 0, min(1, max(0, fraction)))
            progress.lastFraction = clamped
            let line = Self.progressLine(id: handle.id, fraction: clamped, stage: stage.isEmpty ? "decoding" : stage)
            writeNotification("progress", line: line, requestID: handle.id)
        case .draft(let segment):
            guard configuration.descriptor.drafts else { break }
            progress.draftSequence += 1
            let params = JSONObject(members: [
                (key: "id", value: handle.id.json), (key: "seq", value: .number(JSONNumber(progress.draftSequence))),
                (key: "segment", value: sanitized(segment).json),
            ])
            writeNotification("draft", params, requestID: handle.id)
        }
        requests.values[index].kind = .transcription(progress)
        return takeOutbox()
    }

    /// The engine's outcome; dropped when the request was already answered (cancel, restart, stop).
    package mutating func transcriptionFinished(
        _ handle: RequestHandle, _ outcome: Result<Transcript, EngineError>, now: Int
    ) -> [Action] {
        guard phase == .initialized, let request = requests[handle.seq],
              case .transcription(let progress) = request.kind, progress.running
        else { return [] }
        emit(.log(LogRecord(outcome.isSuccess ? .info : .warning, "transcribe finished", requestID: handle.id,
                            extra: JSONObject(members: [(key: "durationMs", value: .number(JSONNumber(max(0, now - request.readAtMs))))]))))
        switch outcome {
        case .success(let transcript):
            // Not in a batch and within the limit: the line goes out as encoded, without a JSONValue tree.
            if request.batchSlot == nil {
                let line = resultLine(id: handle.id, transcript, progress.request, readAtMs: request.readAtMs, now: now)
                if line.count - 1 <= effectiveLimitBytes {
                    finishSucceeded(handle.seq, line: line, now: now)
                    return takeOutbox()
                }
            }
            let result = resultJSON(transcript, progress.request, readAtMs: request.readAtMs, now: now)
            finish(handle.seq, RPCResponse(id: handle.id, result: result), now: now)
        case .failure(let error):
            var extra = JSONObject()
            if let path = error.path { extra["path"] = .string(path) }
            finish(handle.seq, Self.errorResponse(handle.id, error.code.rpcCode, reason: error.reason, extra: extra), now: now)
        }
        return takeOutbox()
    }

    package func resultJSON(_ transcript: Transcript, _ request: TranscriptionRequest, readAtMs: Int, now: Int) -> JSONValue {
        var cleaned = transcript
        cleaned.language = resultLanguage(transcript, request)
        cleaned.segments = transcript.segments.map(sanitized)
        guard case .object(var object) = cleaned.json else { preconditionFailure("transcript JSON is an object") }
        let metrics = Self.resultMetrics(transcript, readAtMs: readAtMs, now: now)
        object["metrics"] = .object(JSONObject(members: [
            (key: "processingMs", value: .number(JSONNumber(metrics.processingMs))),
            (key: "realTimeFactor", value: .double(metrics.realTimeFactor)),
        ]))
        return .object(object)
    }

    /// Enforces `wordTimestamps` and `wordConfidence` (SPEC 5.2-MUST-4, 5.2-MUST-NOT-2).
    func sanitized(_ segment: Segment) -> Segment {
        var segment = segment
        let descriptor = configuration.descriptor
        if !descriptor.wordTimestamps { segment.words = [] }
        if !descriptor.wordConfidence { segment.words = segment.words.map { var word = $0; word.confidence = nil; return word } }
        return segment
    }
}
