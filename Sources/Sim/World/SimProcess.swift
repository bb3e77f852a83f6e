import Core
import Wire

/// One simulated process: an engine leader (scripted or hosted) or a child in its process group.
///
/// A reference type: the world reads and changes a process's fields on every event, and a struct in
/// a table would be copied whole by reads. Only the single-threaded `SimWorld` holds processes, so
/// the fields skip the runtime exclusivity checks.
package final class SimProcess {
    /// What a process runs, as spawned.
    package enum Behaviour: Sendable {
        case scripted(ScriptedEngine)
        case hosted(HostedEngine)
        /// A helper in the engine's process group: does nothing, dies by signal.
        case child(ignoresTerminate: Bool)
    }

    /// Which of the fields below the process runs.
    enum Kind {
        case scripted
        case hosted
        case child(ignoresTerminate: Bool)
    }

    package let pid: ProcessID
    package let engine: EngineID
    /// The group leader's pid (its own for a leader).
    package let group: ProcessID
    let kind: Kind
    /// The engine of a scripted or hosted leader (else nil), kept in its own field so the world
    /// mutates it in place: an engine is a large struct, and moving it in and out of an enum per
    /// event copied it twice.
    @exclusivity(unchecked) var scripted: ScriptedEngine?
    @exclusivity(unchecked) var hosted: HostedEngine?
    @exclusivity(unchecked) package var alive = true
    @exclusivity(unchecked) package var exitStatus: TerminationStatus?
    @exclusivity(unchecked) package var reaped = false
    /// Nothing runs before this (a hang fault); `UInt64.max`: hung for good.
    @exclusivity(unchecked) package var frozenUntilMs: UInt64 = 0
    /// stdin chunks and own steps that arrived while frozen (or behind such), in arrival order.
    @exclusivity(unchecked) var held: [Held] = []
    /// stdout chunks that arrived while the pipe was stalled (or behind such), in arrival order.
    @exclusivity(unchecked) var heldStdout: [[UInt8]] = []
    /// When the earliest pending `.release` event is due, if one is.
    @exclusivity(unchecked) var releaseAtMs: UInt64?

    enum Held: Sendable {
        case stdin([UInt8])
        case step(EngineStep)
    }
    /// The coordinator-side decoder of this process's stdout (the one the runtime uses).
    @exclusivity(unchecked) var stdoutDecoder: EngineStreamDecoder
    @exclusivity(unchecked) var stderrFramer = LineFramer(maxLineBytes: 4_096)
    @exclusivity(unchecked) var stdoutPipe = OutputPipe()
    @exclusivity(unchecked) var stderrPipe = OutputPipe()
    @exclusivity(unchecked) var stdinPipe = OutputPipe()

    init(pid: ProcessID, engine: EngineID, group: ProcessID, behaviour: Behaviour, maxLineBytes: Int) {
        self.pid = pid
        self.engine = engine
        self.group = group
        switch behaviour {
        case .scripted(let engine):
            kind = .scripted
            scripted = engine
        case .hosted(let engine):
            kind = .hosted
            hosted = engine
        case .child(let ignoresTerminate):
            kind = .child(ignoresTerminate: ignoresTerminate)
        }
        stdoutDecoder = EngineStreamDecoder(engine: engine, maxLineBytes: maxLineBytes)
    }

    var isLeader: Bool { pid == group }
}
