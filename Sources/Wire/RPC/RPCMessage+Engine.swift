extension RPCMessage {
    /// Classifies a message the way an engine must (SPEC 3.6): an engine accepts only requests and
    /// notifications, so anything without a `method` member (a response sent to it, `{}`) is
    /// `.invalid` with code `missing_method` and the object's id when readable.
    public init(engineInput json: JSONValue) {
        let message = RPCMessage(json: json)
        switch message {
        case .response(let response):
            self = .invalid(RPCInvalidMessage(id: response.id, code: .missingMethod))
        case .invalid(let invalid) where invalid.code.isAboutResponses || invalid.code == .missingMethodOrResult:
            self = .invalid(RPCInvalidMessage(id: invalid.id, code: .missingMethod))
        default:
            self = message
        }
    }
}

extension RPCIncoming {
    /// `RPCIncoming(json:)` with every message classified by `RPCMessage(engineInput:)`.
    public init(engineInput json: JSONValue) {
        switch json {
        case .array(let elements) where elements.isEmpty:
            self = .emptyBatch
        case .array(let elements):
            var messages: [RPCMessage] = []
            messages.reserveCapacity(elements.count)
            for element in elements { messages.append(RPCMessage(engineInput: element)) }
            self = .batch(messages)
        default:
            self = .single(RPCMessage(engineInput: json))
        }
    }
}
