/// A JSON value that is not a valid JSON-RPC 2.0 message. The reply it gets is -32600 with `id`
/// (null when no usable id could be read) and `data.reason`.
public struct RPCInvalidMessage: Sendable, Hashable {
    /// Why the message is invalid, as a stable string id.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        package enum Storage: String, Sendable, Hashable {
            case notAnObject = "not_an_object"
            case invalidID = "invalid_id"
            case invalidVersion = "invalid_jsonrpc_version"
            case methodNotString = "method_not_string"
            case invalidParams = "params_not_structured"
            case missingMethodOrResult = "missing_method_or_result"
            case resultAndError = "result_and_error"
            case invalidErrorObject = "invalid_error_object"
            case responseWithoutID = "response_without_id"
            case emptyBatch = "empty_batch"
            case missingMethod = "missing_method"
        }
        package let storage: Storage

        public var id: String { storage.rawValue }
        public var description: String { storage.rawValue }

        /// The message is not a JSON object (`1`, `"x"`, a batch member that is a number).
        public static var notAnObject: Self { .init(storage: .notAnObject) }
        /// `id` is a boolean, array or object.
        public static var invalidID: Self { .init(storage: .invalidID) }
        /// `jsonrpc` is missing or not exactly `"2.0"`.
        public static var invalidVersion: Self { .init(storage: .invalidVersion) }
        /// `method` is not a string.
        public static var methodNotString: Self { .init(storage: .methodNotString) }
        /// `params` is present but neither an object nor an array.
        public static var invalidParams: Self { .init(storage: .invalidParams) }
        /// Neither `method` nor `result`/`error`.
        public static var missingMethodOrResult: Self { .init(storage: .missingMethodOrResult) }
        /// A response with both `result` and `error`.
        public static var resultAndError: Self { .init(storage: .resultAndError) }
        /// `error` lacks an integer `code` or a string `message`.
        public static var invalidErrorObject: Self { .init(storage: .invalidErrorObject) }
        /// A response without an `id` member.
        public static var responseWithoutID: Self { .init(storage: .responseWithoutID) }
        /// The batch `[]`.
        public static var emptyBatch: Self { .init(storage: .emptyBatch) }
        /// An engine received an object without `method` (such as a response): `RPCMessage(engineInput:)`.
        public static var missingMethod: Self { .init(storage: .missingMethod) }

        /// Codes that only describe malformed responses.
        var isAboutResponses: Bool {
            switch storage {
            case .resultAndError, .invalidErrorObject, .responseWithoutID: true
            default: false
            }
        }

        /// The human-readable `data.reason` sent with -32600.
        public var reason: String {
            switch storage {
            case .notAnObject: "message is not a JSON object"
            case .invalidID: "id must be a string, a number or null"
            case .invalidVersion: "jsonrpc must be \"2.0\""
            case .methodNotString: "method must be a string"
            case .invalidParams: "params must be an object or an array"
            case .missingMethodOrResult: "message has neither method nor result/error"
            case .resultAndError: "response has both result and error"
            case .invalidErrorObject: "error must have an integer code and a string message"
            case .responseWithoutID: "response has no id"
            case .emptyBatch: "empty batch"
            case .missingMethod: "method is missing (an engine accepts only requests and notifications)"
            }
        }
    }

    /// The id to reply with: the message's id when it could be read, else null.
    public var id: RPCID
    public var code: Code

    public init(id: RPCID, code: Code) {
        self.id = id
        self.code = code
    }

    /// The -32600 reply: `{"jsonrpc":"2.0","id":…,"error":{"code":-32600,"message":"Invalid Request","data":{"reason":…}}}`.
    public var errorResponse: RPCResponse { .error(id: id, .invalidRequest, reason: code.reason) }
}
