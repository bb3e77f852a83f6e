import Conformance
import Testing

/// A broken engine of Conformance/broken-engines/: its script, the cases it is run against by default
/// (id, group or rule-id prefixes around its flaw; the full suite with LSCONFORM_FULL_SWEEP=1), and
/// exactly the cases that must fail, in either run.
struct BrokenEngine: Sendable, CustomTestStringConvertible {
    var script: String
    var patterns: [String]
    var failing: [String]

    var testDescription: String { script }

    static let all: [BrokenEngine] = [
        .init(script: "banner.py", patterns: ["framing/quiet", "framing/protocol", "framing/single", "framing/lf", "2.6"], failing: ["framing/protocol-lines-only", "framing/quiet-start"]),
        .init(script: "pretty_metrics.py", patterns: ["2.1", "2.2-MUST-NOT", "6.4", "9.1"],
              failing: ["domain/control-never-busy", "domain/metrics", "domain/restart-keeps-counters", "framing/single-line-messages"]),
        .init(script: "buffered_notifications.py", patterns: ["2.5", "7.2", "7.3", "7.4"],
              failing: ["domain/heartbeat-interval", "domain/heartbeat-seq", "domain/heartbeat-while-busy", "framing/flushed-while-stdin-open"]),
        .init(script: "no_oversize_error.py", patterns: ["2.3"], failing: ["framing/oversized-line"]),
        .init(script: "float_ids.py", patterns: ["3.2", "4.2"], failing: ["batch/requests-and-notification", "envelope/id-beyond-64-bits"]),
        .init(script: "answers_notifications.py", patterns: ["3.3", "4.2", "5.4", "7.1"],
              failing: ["batch/all-notifications", "envelope/notifications-unanswered", "lifecycle/notifications-before-initialize"]),
        .init(script: "unknown_method_32600.py", patterns: ["3.4", "3.6", "4.1"],
              failing: ["batch/mixed-validity", "envelope/method-case-sensitive", "envelope/rpc-reserved", "envelope/unknown-method"]),
        .init(script: "error_without_reason.py", patterns: ["3.5", "5.3"], failing: ["envelope/error-data-reason"]),
        .init(script: "batch_separate_lines.py", patterns: ["batch"],
              failing: ["batch/mixed-validity", "batch/non-object-elements", "batch/one-line", "batch/requests-and-notification"]),
        .init(script: "serves_before_init.py", patterns: ["5.2", "5.3", "5.4"],
              failing: ["lifecycle/initialize-bad-params", "lifecycle/requests-before-initialize", "lifecycle/version-unsupported"]),
        .init(script: "double_initialize.py", patterns: ["5.4"], failing: ["lifecycle/second-initialize"]),
        .init(script: "accepts_any_version.py", patterns: ["5.3"], failing: ["lifecycle/version-unsupported"]),
        .init(script: "stop_without_exit.py", patterns: ["5.5", "5.6"],
              failing: ["lifecycle/requests-after-stop", "lifecycle/stop", "lifecycle/stop-before-initialize", "lifecycle/stop-in-flight"]),
        .init(script: "ignores_eof.py", patterns: ["5.5", "5.6", "5.7"], failing: ["lifecycle/eof", "lifecycle/eof-in-flight"]),
        .init(script: "progress_backwards.py", patterns: ["7.3", "7.4", "7.5"], failing: ["domain/progress-monotonic"]),
        .init(script: "draft_after_reply.py", patterns: ["7.3", "7.4", "7.5"], failing: ["domain/nothing-after-reply"]),
        .init(script: "cancel_no_reply.py", patterns: ["7.1", "9.", "6.5"], failing: ["domain/cancel"]),
        .init(script: "cancel_two_replies.py", patterns: ["7.1", "9.", "6.5"], failing: ["domain/cancel"]),
        .init(script: "health_waits.py", patterns: ["6.2", "9.1"], failing: ["domain/health-while-transcribing"]),
        .init(script: "slow_heartbeat.py", patterns: ["7.2", "2.5"], failing: ["domain/heartbeat-interval", "domain/heartbeat-while-busy"]),
        .init(script: "restart_health_ok.py", patterns: ["6.5", "6.2"], failing: ["domain/restart-loading"]),
        .init(script: "restart_rejects_transcribe.py", patterns: ["6.5", "9.4"], failing: ["domain/restart-queues-transcribe"]),
        .init(script: "restart_no_cancel.py", patterns: ["6.5", "9.4"], failing: ["domain/restart-cancels"]),
    ]
}
