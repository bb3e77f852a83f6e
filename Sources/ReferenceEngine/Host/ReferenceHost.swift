import EngineSDK
import Wire

/// lsref as a pure state machine for the simulator: events and virtual time in, stdout bytes,
/// timer requests and the exit out. It runs the same `EngineSession` and `ReferencePlanner` as the
/// real binary; only the waiting is virtual. Files are read through `readFile`.
///
///     var host = ReferenceHost(behaviour: behaviour, startMs: 0) { path in files[path] }
///     perform(host.start(now: 0))
///     perform(host.handle(.stdin(bytes), now: 5))
package struct ReferenceHost: Sendable {
    package let behaviour: ReferenceBehaviour
    package internal(set) var session: EngineSession
    /// Returns a file's bytes, or nil when it does not exist.
    let readFile: @Sendable (String) -> [UInt8]?
    var phase = Phase.starting(buffered: [])
    var requestCount = 0
    var running: [UInt64: RunningPlan] = [:]

    enum Phase: Sendable, Hashable {
        /// Within the start-up delay; stdin waits.
        case starting(buffered: [[UInt8]])
        case serving
        /// `--hang-after` fired: nothing is answered; SIGTERM still kills.
        case frozen
        case exited
    }

    struct RunningPlan: Sendable {
        let handle: RequestHandle
        let plan: TranscriptionPlan
        let startMs: Int
        var nextStep = 0
    }

    package init(
        behaviour: ReferenceBehaviour, config: EngineConfig = ReferenceHost.defaultConfig, startMs: Int,
        readFile: @escaping @Sendable (String) -> [UInt8]?
    ) {
        self.behaviour = behaviour
        self.readFile = readFile
        var configuration = SessionConfiguration(
            descriptor: EngineDescriptor(name: "lsref", version: "0.1.0", languages: behaviour.languages),
            maxConcurrentRequests: behaviour.maxConcurrentRequests ?? config.maxConcurrentRequests,
            maxMessageBytes: config.maxMessageBytes)
        configuration.healthTimeoutMs = config.healthTimeoutMs
        configuration.heartbeatIntervalPercent = behaviour.heartbeatPercent
        session = EngineSession(configuration: configuration, startMs: startMs)
    }

    /// lsref's config defaults: two concurrent requests, 4 MiB lines.
    package static var defaultConfig: EngineConfig {
        var config = EngineConfig()
        config.maxConcurrentRequests = 2
        config.maxMessageBytes = 4_194_304
        return config
    }

    /// The process has started: the banner, and the end of the start-up delay.
    package mutating func start(now: Int) -> [HostAction] {
        var actions: [HostAction] = behaviour.banner ? [.stdout(ReferenceBehaviour.bannerLine)] : []
        if behaviour.startupDelayMs > 0 {
            actions.append(.armTimer(.startupDone, atMs: now + behaviour.startupDelayMs))
        } else {
            phase = .serving
        }
        return actions
    }

    package mutating func handle(_ event: HostEvent, now: Int) -> [HostAction] {
        if event == .terminate, phase != .exited {
            if behaviour.ignoreTerminate { return [.log(LogRecord(.warning, "ignoring SIGTERM (fault injection)"))] }
            if phase != .serving {
                // Hung or not yet serving: SIGTERM's default action.
                phase = .exited
                return [.exit(code: 143)]
            }
        }
        switch (phase, event) {
        case (.exited, _), (.frozen, _): return []
        case (.starting(let buffered), .stdin(let bytes)):
            phase = .starting(buffered: buffered + [bytes])
            return []
        case (.starting(let buffered), .timer(.startupDone)):
            phase = .serving
            var actions: [HostAction] = []
            for bytes in buffered { actions += perform(session.receive(bytes, now: now), now: now) }
            return actions
        case (.starting, _): return []
        case (.serving, .stdin(let bytes)): return perform(session.receive(bytes, now: now), now: now)
        case (.serving, .stdinClosed): return perform(session.stdinClosed(now: now), now: now)
        case (.serving, .terminate): return perform(session.terminateSignal(now: now), now: now)
        case (.serving, .timer(let timer)): return fire(timer, now: now)
        }
    }
}
