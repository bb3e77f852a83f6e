import EngineSDK

/// The timers a `ReferenceHost` asks its simulator for.
package enum HostTimer: Sendable, Hashable {
    /// The start-up delay is over: stdin is read from now on.
    case startupDone
    /// A timer of the session machine (heartbeat, health deadline).
    case session(SessionTimer)
    /// The model load (`loadingMs`) is done.
    case modelLoaded
    /// The next steps of the transcription with this request sequence number are due.
    case planStep(requestSequence: UInt64)
}
