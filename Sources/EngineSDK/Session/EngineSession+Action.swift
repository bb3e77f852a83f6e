import Wire

extension EngineSession {
    /// Something the host must do. Perform actions in order: writes are complete lines.
    package enum Action: Sendable, Hashable {
        /// Write these bytes to stdout (one or more complete lines) and flush.
        case write([UInt8])
        /// Call `timerFired(_:now:)` at `atMs` (replaces an earlier arming of the same timer).
        case armTimer(SessionTimer, atMs: Int)
        case cancelTimer(SessionTimer)
        /// Run the engine's `initializeEngine(config)` (first load only) and `start()`;
        /// after a restart, `stop()` then `start()`. Report with `modelLoaded(_:now:)`.
        case loadModel(ModelLoad)
        /// Run the engine's `transcribe`; report with `transcriptionReport` / `transcriptionFinished`.
        case startTranscription(RequestHandle, TranscriptionRequest)
        /// Fire the request's cancellation signal; any later report for it is dropped.
        case cancelTranscription(RequestHandle)
        /// Run the engine's `checkHealth()` and report with `healthResult(_:now:)`.
        case checkHealth
        /// Write a log line to stderr.
        case log(LogRecord)
        /// Release the engine (bounded) and exit the process with this status.
        case exit(code: Int32)
    }

    /// Why the model is loaded.
    package enum ModelLoad: Sendable, Hashable {
        /// After the handshake, with `initialize.params.config`.
        case initial(clientConfig: JSONObject)
        /// On `restart`.
        case restart
    }
}

/// A timer the session asks the host for.
package enum SessionTimer: Sendable, Hashable {
    case heartbeat
    case healthDeadline
}

/// Names one in-flight request to the host. `seq` is unique for the process, so a late report
/// for a finished request can never be taken for a newer request that reuses its id.
package struct RequestHandle: Sendable, Hashable, CustomStringConvertible {
    package let seq: UInt64
    package let id: RPCID

    package init(seq: UInt64, id: RPCID) {
        self.seq = seq
        self.id = id
    }

    package var description: String { "#\(seq) id \(id)" }
}
