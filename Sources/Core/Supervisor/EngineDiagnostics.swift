/// What a Failed engine keeps for the operator: why, the last exit, the stderr tail and the timeline.
package struct EngineDiagnostics: Hashable, Sendable {
    package var cause: ExitCause
    package var exitStatus: TerminationStatus?
    /// Last stderr lines (bounded by `EngineConfiguration.stderrLinesMax`, each line truncated).
    package var stderrTail: [String]
    /// stderr lines dropped from the tail so far.
    package var stderrLinesDropped: UInt64
    /// State/stage transitions, oldest first (bounded by `timelineEntriesMax`).
    package var timeline: [EngineTimelineEntry]
    package var restartCount: UInt32
    package var failedAtMs: UInt64
}

/// One transition in an engine's timeline.
package struct EngineTimelineEntry: Hashable, Sendable {
    package var atMs: UInt64
    package var phase: EnginePhase

    package init(atMs: UInt64, phase: EnginePhase) {
        self.atMs = atMs
        self.phase = phase
    }
}

/// The name of an engine state or startup stage, for timelines and events.
package enum EnginePhase: Hashable, Sendable, CustomStringConvertible {
    case stopped
    case starting(StartupStage)
    case running
    case backingOff
    case stopping
    case failed

    package var description: String {
        switch self {
        case .stopped: "stopped"
        case .starting(let stage): stage.rawValue
        case .running: "running"
        case .backingOff: "backing_off"
        case .stopping: "stopping"
        case .failed: "failed"
        }
    }
}
