import Core
import Wire

/// Fixtures as code.
enum Fixture {
    static func engine(_ name: String, _ configure: (inout EngineConfiguration) -> Void = { _ in }) -> EngineConfiguration {
        var configuration = EngineConfiguration(id: EngineID(name), spawn: SpawnSpec(executable: "/usr/bin/\(name)"))
        configure(&configuration)
        return configuration
    }

    static func initializeResult(maxConcurrentRequests: Int = 4) -> JSONValue {
        [
            "protocolVersion": "1.0",
            "engine": ["name": "fake", "version": "1"],
            "capabilities": [
                "languages": ["en"], "drafts": true, "wordTimestamps": false, "wordConfidence": false,
                "maxConcurrentRequests": .number(JSONNumber(maxConcurrentRequests)),
            ],
            "limits": ["maxMessageBytes": 8_388_608],
        ]
    }

    static func health(_ status: String) -> JSONValue { ["status": .string(status), "detail": [:]] }

    static func transcript(_ text: String = "hello") -> JSONValue {
        [
            "language": "en", "duration": 1,
            "segments": [["id": 0, "start": 0, "end": 1, "text": .string(text), "words": []]],
            "metrics": [:],
        ]
    }

    static func segment(_ id: Int, _ text: String) -> Segment {
        Segment(id: id, startSeconds: 0, endSeconds: 1, text: text)
    }

    static func task(_ path: String, _ priority: TaskPriority = .normal, engines: [EngineID] = [],
                     _ configure: (inout TaskSpec) -> Void = { _ in }) -> TaskSpec {
        var spec = TaskSpec(audioPath: path, priority: priority, engines: engines)
        configure(&spec)
        return spec
    }
}
