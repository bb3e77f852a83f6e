import Core
import Wire

/// A task to submit, with dependencies named by alias.
package struct SubmitSpec: Sendable {
    package var audioPath = "audio.wav"
    package var language: String?
    package var priority = TaskPriority.normal
    package var deadlineMs: UInt64?
    package var dependsOn: [String] = []
    package var engines: [EngineID] = []
    package var idempotencyKey: String?
    package var requestTimeoutMs: UInt64?
    package var cost: UInt32 = 1

    package init() {}

    init(_ reader: StrictReader) throws(ScenarioError) {
        var reader = reader
        _ = try reader.string("as")
        audioPath = try reader.string("audio") ?? audioPath
        language = try reader.string("language")
        priority = try reader.choice("priority", [
            ("low", TaskPriority.low), ("normal", .normal), ("high", .high), ("critical", .critical),
        ]) ?? .normal
        deadlineMs = try reader.unsigned("deadlineMs")
        dependsOn = try reader.strings("dependsOn")
        engines = try reader.strings("engines").map { EngineID($0) }
        idempotencyKey = try reader.string("idempotencyKey")
        requestTimeoutMs = try reader.unsigned("timeoutMs")
        cost = UInt32(try reader.unsigned("cost", max: UInt64(UInt32.max)) ?? 1)
        try reader.finish()
    }
}
