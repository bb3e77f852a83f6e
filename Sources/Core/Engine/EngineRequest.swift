import Wire

/// What the coordinator sends to an engine, typed. `EngineCodec` turns it into one JSON-RPC line.
/// Requests carry the integer id the coordinator allocated; `cancel` is a notification (no id).
package enum EngineRequest: Hashable, Sendable {
    case initialize(id: RequestID, InitializeParameters)
    case healthCheck(id: RequestID)
    case transcribe(id: RequestID, TranscribeParameters)
    case stop(id: RequestID)
    /// `cancel {"id": target}` notification: the target request gets one final reply (-32800).
    case cancel(target: RequestID)

    /// The request id, nil for notifications.
    package var id: RequestID? {
        switch self {
        case .initialize(let id, _), .healthCheck(let id), .transcribe(let id, _), .stop(let id): id
        case .cancel: nil
        }
    }

    /// The JSON-RPC method name.
    package var method: String {
        switch self {
        case .initialize: "initialize"
        case .healthCheck: "health_check"
        case .transcribe: "transcribe"
        case .stop: "stop"
        case .cancel: "cancel"
        }
    }
}

/// `initialize` params (DECISIONS.md, Lifecycle).
package struct InitializeParameters: Hashable, Sendable {
    package var protocolVersion = "1.0"
    package var clientName = "lingosub"
    package var clientVersion = "0.1.0"
    /// 0 asks the engine for no heartbeats.
    package var heartbeatIntervalMs: UInt32 = 0
    package var config = JSONObject()
    package var maxMessageBytes: Int? = 8_388_608

    package init() {}
    package static let `default` = InitializeParameters()
}

/// `transcribe` params: `{"audio": {"path"}, "language", "options"}`.
package struct TranscribeParameters: Hashable, Sendable {
    package var audioPath: String
    /// nil lets the engine detect the language.
    package var language: String?
    package var options: JSONObject

    package init(audioPath: String, language: String? = nil, options: JSONObject = JSONObject()) {
        self.audioPath = audioPath
        self.language = language
        self.options = options
    }
}
