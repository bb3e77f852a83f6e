import Wire

/// Decodes an engine's stdout bytes, in chunks split anywhere, into coordinator inputs: NDJSON
/// framing and JSON parsing by Wire's `LineDecoder` (bounded lines, resynchronisation after an
/// oversized one), then `EngineCodec.message(from:)`. Every non-blank line yields exactly one input:
/// `.engineMessage`, or `.engineProtocolError` with a JSON-RPC-style code (-32700 bad JSON or UTF-8,
/// -32001 oversized, -32600 not our protocol) — which is what the supervisor counts.
package struct EngineStreamDecoder: Sendable {
    package let engine: EngineID
    private var lines: LineDecoder

    package init(engine: EngineID, maxLineBytes: Int = LineFramer.maxLineBytesDefault) {
        self.engine = engine
        lines = LineDecoder(maxLineBytes: maxLineBytes)
    }

    /// The longest line accepted; set it to the negotiated limit once the engine is Ready
    /// (`EngineSupervisor.negotiatedMaxMessageBytes`).
    package var maxLineBytes: Int {
        get { lines.maxLineBytes }
        set { lines.maxLineBytes = newValue }
    }

    /// The inputs completed by this chunk, in order.
    package mutating func append(_ bytes: [UInt8]) -> [CoordinatorInput] {
        var inputs: [CoordinatorInput] = []
        let engine = engine
        bytes.withUnsafeBytes { chunk in
            lines.append(chunk) { line in inputs.append(Self.input(line, engine: engine)) }
        }
        return inputs
    }

    /// End of stream: a protocol error for an unterminated last line, if any.
    package mutating func finish() -> CoordinatorInput? {
        lines.finish().map { .engineProtocolError(engine, code: $0.rpcCode.value, detail: $0.reason) }
    }

    static func input(_ line: Result<JSONValue, WireError>, engine: EngineID) -> CoordinatorInput {
        switch line {
        case .failure(let error):
            return .engineProtocolError(engine, code: error.rpcCode.value, detail: error.reason)
        case .success(let json):
            switch EngineCodec.message(from: json) {
            case .success(let message): return .engineMessage(engine, message)
            case .failure(let error):
                return .engineProtocolError(engine, code: RPCErrorCode.invalidRequest.value, detail: error.detail)
            }
        }
    }
}
