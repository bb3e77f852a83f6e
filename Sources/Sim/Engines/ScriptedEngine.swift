import Core
import Wire

/// A scripted stand-in engine process: reads JSON-RPC lines from stdin (through the real `LineDecoder`)
/// and answers as its `ProcessScript` says, returning `EngineEffect`s. Pure: time comes in as `now`.
package struct ScriptedEngine: Sendable {
    package let script: ProcessScript
    let spawnedAtMs: UInt64
    var ready = false
    var buffered: [UInt8] = []
    var decoder = LineDecoder()
    var stopping = false
    var active: [UInt64: ActiveRequest] = [:]
    var heartbeatSeq: UInt64 = 0
    var heartbeatIntervalMs: UInt64 = 0
    /// The plan of the last request script seen (`cachedPlan`).
    var lastPlan: (script: RequestScript, plan: [PlannedStep], offsets: [UInt64])?

    struct ActiveRequest: Sendable {
        var id: JSONValue
        var script: RequestScript
        var plan: [PlannedStep]
        var audioPath: String
    }

    package enum PlannedStep: Hashable, Sendable {
        case progress(permille: UInt64)
        case draft(seq: Int, segment: Int)
        case reply
        case crash
    }

    package init(script: ProcessScript, now: UInt64) {
        self.script = script
        spawnedAtMs = now
    }

    /// Effects right after the spawn.
    package mutating func start(now: UInt64) -> [EngineEffect] {
        var effects: [EngineEffect] = script.stderrLines.map { .stderr($0) }
        for index in 0..<script.garbageOnStartLines { effects.append(.stdout(RPCLines.garbage(index))) }
        effects.append(.after(script.startupDelayMs, .ready))
        if let exitAfter = script.exitAfterMs { effects.append(.after(exitAfter, .lifeEnds)) }
        return effects
    }

    /// Bytes arrived on stdin.
    package mutating func stdin(_ bytes: [UInt8], now: UInt64) -> [EngineEffect] {
        guard ready else {
            buffered += bytes
            return []
        }
        var requests: [ScriptedRequest] = []
        let limits = decoder.limits
        bytes.withUnsafeBytes { chunk in
            decoder.framer.append(chunk) { view in
                guard case .line(let line) = view, let request = Self.request(line, limits: limits) else { return }
                requests.append(request)
            }
        }
        var effects: [EngineEffect] = []
        for request in requests { effects += handle(request, now: now) }
        return effects
    }

    /// The request in one line: scanned when it is one of the coordinator's usual lines, else parsed
    /// (as `LineDecoder` would; a line that is not JSON, or has no method, is ignored).
    static func request(_ line: UnsafeRawBufferPointer, limits: JSONLimits) -> ScriptedRequest? {
        if let request = ScriptedRequest.scan(line) { return request }
        guard let message = try? JSONParser.parse(line, limits: limits) else { return nil }
        return ScriptedRequest(json: message)
    }

    /// A signal other than SIGKILL (the world applies SIGKILL itself).
    package mutating func signal(_ signal: ProcessSignal) -> [EngineEffect] {
        guard !script.ignoresTerminate else { return [.stderr("ignoring \(signal)")] }
        return [.after(script.terminateExitMs, .exit(.signaled(signal: signal.number)))]
    }

    package mutating func step(_ step: EngineStep, now: UInt64) -> [EngineEffect] {
        switch step {
        case .ready:
            ready = true
            let pending = buffered
            buffered = []
            return stdin(pending, now: now)
        case .lifeEnds:
            return [.stderr("fatal: scripted exit"), .exit(script.exitStatus)]
        case .request(let id, let index):
            return requestStep(id: id, index: index, now: now)
        case .write(let bytes):
            return [.stdout(bytes)]
        case .exit(let status):
            return [.exit(status)]
        case .heartbeat:
            heartbeatSeq += 1
            let params: JSONValue = ["seq": .number(JSONNumber(heartbeatSeq)),
                                     "uptimeMs": .number(JSONNumber(now - spawnedAtMs))]
            return [.stdout(RPCLines.notification("heartbeat", params)), .after(heartbeatIntervalMs, .heartbeat)]
        case .session:
            return []
        }
    }

    private mutating func handle(_ request: ScriptedRequest, now: UInt64) -> [EngineEffect] {
        let id = request.id
        switch request.method {
        case "initialize": return initialize(id: id ?? .null, heartbeatIntervalMs: request.heartbeatIntervalMs)
        case "health_check": return health(id: id ?? .null, now: now)
        case "transcribe": return transcribe(id: id ?? .null, audioPath: request.audioPath, now: now)
        case "cancel": return cancel(target: request.cancelTarget)
        case "stop": return stop(id: id ?? .null)
        default:
            guard let id else { return [] }
            return [.stdout(RPCLines.error(id: id, code: -32_601, message: "method not found"))]
        }
    }

    private mutating func initialize(id: JSONValue, heartbeatIntervalMs interval: Int?) -> [EngineEffect] {
        switch script.handshake {
        case .silent:
            return []
        case .garbage:
            return [.after(script.handshakeMs, .write(RPCLines.garbage(0)))]
        case .error:
            let line = RPCLines.error(id: id, code: -32_004, message: "unsupported protocol version")
            return [.after(script.handshakeMs, .write(line))]
        case .ok:
            let line = Self.initializeLine(id: id, maxConcurrentRequests: script.maxConcurrentRequests)
            var effects: [EngineEffect] = [.after(script.handshakeMs, .write(line))]
            if let interval, interval > 0 {
                heartbeatIntervalMs = UInt64(interval)
                effects.append(.after(heartbeatIntervalMs, .heartbeat))
            }
            return effects
        }
    }

    private func healthStatus(now: UInt64) -> ProcessScript.Health {
        let age = now - spawnedAtMs
        if let failsAfter = script.healthFailsAfterMs, age >= failsAfter { return script.healthFailure }
        if age < script.loadingForMs { return .loading }
        return script.health
    }

    private func health(id: JSONValue, now: UInt64) -> [EngineEffect] {
        let status = healthStatus(now: now)
        guard status != .silent else { return [] }
        return [.after(script.healthMs, .write(Self.healthLine(id: id, status: status.rawValue)))]
    }
}
