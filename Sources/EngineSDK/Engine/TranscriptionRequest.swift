import Wire

/// A validated `transcribe` request (SPEC 6.1) as the engine sees it.
public struct TranscriptionRequest: Sendable, Hashable {
    /// The request's JSON-RPC id, for logs.
    public var id: RPCID
    /// `params.audio.path` as sent (absolute from the coordinator; relative paths resolve against the cwd).
    public var audioPath: String
    /// `params.language`: nil means the engine chooses (the SDK has already checked it is supported).
    public var language: String?
    /// `params.options`, engine-specific, passed through unchanged.
    public var options: JSONObject

    public init(id: RPCID, audioPath: String, language: String?, options: JSONObject = JSONObject()) {
        self.id = id
        self.audioPath = audioPath
        self.language = language
        self.options = options
    }
}
