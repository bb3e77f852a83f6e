import Wire

/// The engine side of the sidecar protocol as a pure state machine: stdin bytes, host completions
/// and timer firings in (each with `now` in ms of a monotonic clock); `Action`s out — complete
/// stdout lines, timer requests and engine hooks to run. No I/O, no clock, no randomness; the
/// output is a function of the inputs alone, so the simulator can host it under a virtual clock.
///
///     var session = EngineSession(configuration: configuration, startMs: clock.nowMs)
///     for action in session.receive(chunk, now: clock.nowMs) { perform(action) }
package struct EngineSession: Sendable {
    package enum Phase: Sendable, Hashable {
        case uninitialized
        case initialized
        /// The process is on its way out: nothing is read or written any more.
        case exited
    }

    package enum ModelState: Sendable, Hashable {
        case notLoaded
        case loading
        case ready
        case failed(reason: String)
    }

    package let configuration: SessionConfiguration
    package let startMs: Int
    package internal(set) var phase: Phase = .uninitialized
    package internal(set) var model: ModelState = .notLoaded
    /// The line limit in force in both directions (SPEC 2.3).
    package internal(set) var effectiveLimitBytes = SessionConfiguration.defaultMessageBytes
    package internal(set) var metrics = SessionMetrics()

    var decoder = LineDecoder(maxLineBytes: SessionConfiguration.defaultMessageBytes)
    /// In-flight requests by sequence number (ascending = order read).
    var requests: [UInt64: InFlightRequest] = [:]
    var sequenceByID: [RPCID: UInt64] = [:]
    var nextSequence: UInt64 = 1
    var batches: [UInt64: PendingBatch] = [:]
    var heartbeat: HeartbeatSchedule?
    var health = HealthProbe()
    /// `stop` was accepted while handling the current line; exit once the line is done.
    var stopAccepted = false
    /// The `restart` requests waiting for the reload to finish.
    var restartWaiters: [UInt64] = []
    /// Actions produced by the event being handled.
    var outbox: [Action] = []

    package init(configuration: SessionConfiguration, startMs: Int) {
        self.configuration = configuration
        self.startMs = startMs
    }

    /// Number of `transcribe` requests in flight (`activeRequests`).
    package var activeTranscriptions: Int {
        var count = 0
        for request in requests.values where request.isTranscription { count += 1 }
        return count
    }

    /// Every in-flight request, in the order they were read.
    package var inFlight: [RequestHandle] {
        requests.keys.sorted().compactMap { requests[$0]?.handle }
    }

    mutating func emit(_ action: Action) { outbox.append(action) }

    mutating func takeOutbox() -> [Action] {
        let actions = outbox
        outbox = []
        return actions
    }

    func uptimeMs(_ now: Int) -> Int { max(0, now - startMs) }
}
