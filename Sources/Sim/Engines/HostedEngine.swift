import Core
import EngineSDK
import ReferenceEngine
import Wire

/// A real SDK engine in a simulated process: EngineSDK's `EngineSession` (the protocol machine every
/// Swift engine runs) with lsref's `ReferencePlanner` as the engine, under the virtual clock. The
/// host part a real `SidecarServer` does with threads and sleeps is done here with `EngineStep`s:
/// session timers, model loads, health checks and each plan step become timed steps.
package struct HostedEngine: Sendable {
    let behaviour: ReferenceBehaviour
    /// The simulated file system: audio path → WAV bytes.
    let files: [String: [UInt8]]
    var session: EngineSession
    var ready = false
    var buffered: [UInt8] = []
    /// After a plan's `hang` step: the process answers nothing any more.
    var frozen = false
    var requestNumber = 0
    var nextToken: UInt64 = 0
    var work: [UInt64: Work] = [:]
    var timerTokens: [SessionTimer: UInt64] = [:]
    var plans: [UInt64: (handle: RequestHandle, plan: TranscriptionPlan)] = [:]

    enum Work: Sendable {
        case timer(SessionTimer)
        case modelLoaded
        case planStep(seq: UInt64, index: Int)
    }

    package init(setup: EngineSetup, life: Int, files: [String: [UInt8]], now: UInt64) {
        behaviour = (try? setup.reference.behaviour(life)) ?? ReferenceBehaviour()
        self.files = files
        let descriptor = EngineDescriptor(name: "lsref", version: "0.1.0", languages: behaviour.languages)
        var configuration = SessionConfiguration(
            descriptor: descriptor, maxConcurrentRequests: behaviour.maxConcurrentRequests ?? 1,
            maxMessageBytes: SessionConfiguration.defaultMessageBytes)
        configuration.heartbeatIntervalPercent = behaviour.heartbeatPercent
        session = EngineSession(configuration: configuration, startMs: Int(now))
    }

    package mutating func start(now: UInt64) -> [EngineEffect] {
        var effects: [EngineEffect] = []
        if behaviour.banner { effects.append(.stdout(ReferenceBehaviour.bannerLine)) }
        effects.append(.after(UInt64(behaviour.startupDelayMs), .ready))
        return effects
    }

    package mutating func stdin(_ bytes: [UInt8], now: UInt64) -> [EngineEffect] {
        guard !frozen else { return [] }
        guard ready else {
            buffered += bytes
            return []
        }
        return perform(session.receive(bytes, now: Int(now)), now: now)
    }

    package mutating func signal(_ signal: ProcessSignal, now: UInt64) -> [EngineEffect] {
        guard !behaviour.ignoreTerminate, !frozen else { return [] }
        return perform(session.terminateSignal(now: Int(now)), now: now)
    }

    package mutating func step(_ step: EngineStep, now: UInt64) -> [EngineEffect] {
        guard !frozen else { return [] }
        switch step {
        case .ready:
            ready = true
            let pending = buffered
            buffered = []
            return stdin(pending, now: now)
        case .session(let token):
            guard let item = work.removeValue(forKey: token) else { return [] }
            return run(item, now: now)
        case .lifeEnds, .request, .write, .exit, .heartbeat:
            return []
        }
    }

    private mutating func run(_ item: Work, now: UInt64) -> [EngineEffect] {
        switch item {
        case .timer(let timer):
            timerTokens[timer] = nil
            return perform(session.timerFired(timer, now: Int(now)), now: now)
        case .modelLoaded:
            return perform(session.modelLoaded(.success(()), now: Int(now)), now: now)
        case .planStep(let seq, let index):
            return planStep(seq: seq, index: index, now: now)
        }
    }

    mutating func schedule(_ item: Work, afterMs: UInt64) -> EngineEffect {
        nextToken += 1
        work[nextToken] = item
        return .after(afterMs, .session(nextToken))
    }
}
