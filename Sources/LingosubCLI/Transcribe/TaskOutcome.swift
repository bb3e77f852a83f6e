import Core
import Wire

/// How one (file, engine) task ended.
enum TaskOutcome: Sendable, Equatable {
    case transcript(Transcript)
    case failed(CoreError)
    /// Not finished (interrupted, or never submitted).
    case unfinished(String)

    var transcript: Transcript? { if case .transcript(let transcript) = self { transcript } else { nil } }

    /// The reason for people: the engine's JSON-RPC code and reason when it answered with an error.
    var failureText: String? {
        switch self {
        case .transcript: nil
        case .failed(let error):
            if let code = error.engineCode { "\(error.code.id) \(code): \(error.detail)" } else { error.description }
        case .unfinished(let reason): reason
        }
    }
}
