import Core
import Wire

/// What a scripted engine does with one `transcribe` request (scenario member `requests`, or one
/// entry of `requestsByAudio`, merged over `requests`). Times are ms after the request was read.
package struct RequestScript: Hashable, Sendable {
    package enum Outcome: String, Hashable, Sendable {
        /// The final reply is a transcript.
        case result
        /// The final reply is a JSON-RPC error with `errorCode`.
        case error
        /// The process dies at `crashAtMs` with `exitStatus`.
        case crash
        /// No final reply, ever (cancel still answers when `honorsCancel`).
        case hang
        /// A `result` that is not a transcript.
        case invalidResult = "invalid_result"
    }

    package var latencyMs: UInt64 = 1_000
    package var progressSteps = 0
    package var drafts = 0
    /// Extra drafts that repeat an earlier segment id (`subtitle.overwrite`).
    package var overwrites = 0
    package var segments = 1
    package var outcome = Outcome.result
    package var errorCode = -32_000
    /// For `crash`: when the process dies (default: half the latency).
    package var crashAtMs: UInt64?
    package var exitStatus = TerminationStatus.signaled(signal: 11)
    /// Unparseable lines written when the request arrives.
    package var garbageLines = 0
    /// One line of this many bytes written when the request arrives (0: none).
    package var oversizedBytes = 0
    package var honorsCancel = true
    package var cancelReplyMs: UInt64 = 10

    package init() {}

    static let outcomes: [(String, Outcome)] = [
        ("result", .result), ("error", .error), ("crash", .crash), ("hang", .hang), ("invalid_result", .invalidResult),
    ]

    package init(_ value: JSONValue, path: String) throws(ScenarioError) {
        var reader = try StrictReader(value, path: path)
        latencyMs = try reader.unsigned("latencyMs") ?? latencyMs
        progressSteps = Int(try reader.unsigned("progressSteps", max: 1_000) ?? 0)
        drafts = Int(try reader.unsigned("drafts", max: 1_000) ?? 0)
        overwrites = Int(try reader.unsigned("overwrites", max: 1_000) ?? 0)
        segments = Int(try reader.unsigned("segments", max: 1_000) ?? 1)
        outcome = try reader.choice("outcome", Self.outcomes) ?? .result
        errorCode = try reader.int("errorCode") ?? errorCode
        crashAtMs = try reader.unsigned("crashAtMs")
        if let status = try reader.object("exitStatus") { exitStatus = try Self.status(status) }
        garbageLines = Int(try reader.unsigned("garbageLines", max: 10_000) ?? 0)
        oversizedBytes = Int(try reader.unsigned("oversizedBytes", max: 64 << 20) ?? 0)
        honorsCancel = try reader.bool("honorsCancel") ?? true
        cancelReplyMs = try reader.unsigned("cancelReplyMs") ?? cancelReplyMs
        try reader.finish()
        if overwrites > 0 && drafts == 0 {
            throw ScenarioError(.invalidValue, path: reader.path("overwrites"), "overwrites need drafts")
        }
    }

    /// `{"code": 1}` or `{"signal": 11}`.
    static func status(_ reader: StrictReader) throws(ScenarioError) -> TerminationStatus {
        var reader = reader
        let code = try reader.int("code")
        let signal = try reader.int("signal")
        try reader.finish()
        switch (code, signal) {
        case (let code?, nil): return .exited(code: Int32(truncatingIfNeeded: code))
        case (nil, let signal?): return .signaled(signal: Int32(truncatingIfNeeded: signal))
        default: throw ScenarioError(.invalidValue, path: reader.path, "exactly one of code, signal")
        }
    }
}
