import Core
import Wire

/// One simulated process: an engine leader (scripted or hosted) or a child in its process group.
package struct SimProcess: Sendable {
    package enum Behaviour: Sendable {
        case scripted(ScriptedEngine)
        case hosted(HostedEngine)
        /// A helper in the engine's process group: does nothing, dies by signal.
        case child(ignoresTerminate: Bool)
    }

    package let pid: ProcessID
    package let engine: EngineID
    /// The group leader's pid (its own for a leader).
    package let group: ProcessID
    package var behaviour: Behaviour
    package var alive = true
    package var exitStatus: TerminationStatus?
    package var reaped = false
    /// Nothing runs before this (a hang fault); `UInt64.max`: hung for good.
    package var frozenUntilMs: UInt64 = 0
    /// stdin chunks and own steps that arrived while frozen (or behind such), in arrival order.
    var held: [Held] = []
    /// stdout chunks that arrived while the pipe was stalled (or behind such), in arrival order.
    var heldStdout: [[UInt8]] = []
    /// When the earliest pending `.release` event is due, if one is.
    var releaseAtMs: UInt64?

    enum Held: Sendable {
        case stdin([UInt8])
        case step(EngineStep)
    }
    /// The coordinator-side decoder of this process's stdout (the one the runtime uses).
    var stdoutDecoder: EngineStreamDecoder
    var stderrFramer = LineFramer(maxLineBytes: 4_096)
    var stdoutPipe = OutputPipe()
    var stderrPipe = OutputPipe()
    var stdinPipe = OutputPipe()

    init(pid: ProcessID, engine: EngineID, group: ProcessID, behaviour: Behaviour, maxLineBytes: Int) {
        self.pid = pid
        self.engine = engine
        self.group = group
        self.behaviour = behaviour
        stdoutDecoder = EngineStreamDecoder(engine: engine, maxLineBytes: maxLineBytes)
    }

    var isLeader: Bool { pid == group }
}
