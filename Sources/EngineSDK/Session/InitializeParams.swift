import Wire

/// Validated `initialize` params (SPEC 5.2).
struct InitializeParams: Sendable, Hashable {
    var major: Int
    var minor: Int
    var heartbeatIntervalMs: Int
    var config: JSONObject
    var maxMessageBytes: Int

    static let heartbeatIntervalMsRange = 100...3_600_000
    static let maxMessageBytesMin = 65_536

    init(_ params: JSONValue?) throws(ParamsError) {
        let object = try ParamsError.object(params)
        guard case .string(let version)? = object["protocolVersion"] else {
            throw ParamsError("protocolVersion must be a string", member: "protocolVersion")
        }
        guard let (major, minor) = Self.parseVersion(version) else {
            throw ParamsError("protocolVersion '\(version)' is not MAJOR.MINOR", member: "protocolVersion")
        }
        guard case .object(let client)? = object["clientInfo"], client["name"]?.stringValue != nil,
              client["version"]?.stringValue != nil
        else { throw ParamsError("clientInfo must be {\"name\": string, \"version\": string}", member: "clientInfo") }
        self.major = major
        self.minor = minor
        heartbeatIntervalMs = try Self.heartbeat(object["heartbeatIntervalMs"])
        switch object["config"] {
        case nil: config = JSONObject()
        case .object(let value)?: config = value
        default: throw ParamsError("config must be an object", member: "config")
        }
        maxMessageBytes = try Self.limit(object["limits"])
    }

    private static func heartbeat(_ value: JSONValue?) throws(ParamsError) -> Int {
        guard let value else { return 0 }
        guard let interval = value.numberValue?.int, interval == 0 || heartbeatIntervalMsRange.contains(interval) else {
            throw ParamsError("heartbeatIntervalMs must be 0 or an integer in 100...3600000", member: "heartbeatIntervalMs")
        }
        return interval
    }

    private static func limit(_ value: JSONValue?) throws(ParamsError) -> Int {
        guard let value else { return SessionConfiguration.defaultMessageBytes }
        guard case .object(let limits) = value else { throw ParamsError("limits must be an object", member: "limits") }
        guard let bytesValue = limits["maxMessageBytes"] else { return SessionConfiguration.defaultMessageBytes }
        // Integers beyond Int are valid offers: the engine's own limit is smaller anyway.
        let text = bytesValue.numberValue?.text ?? ""
        let isInteger = !text.isEmpty && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        guard isInteger, text.count > 6 || (Int(text) ?? 0) >= maxMessageBytesMin else {
            throw ParamsError("limits.maxMessageBytes must be an integer of at least 65536", member: "limits.maxMessageBytes")
        }
        return Int(text) ?? Int.max
    }

    /// `^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$` (SPEC 5.3-MUST-1).
    static func parseVersion(_ text: String) -> (Int, Int)? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        var numbers: [Int] = []
        for part in parts {
            guard !part.isEmpty, part.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                  part == "0" || part.first != "0", part.count <= 9, let number = Int(part)
            else { return nil }
            numbers.append(number)
        }
        return (numbers[0], numbers[1])
    }
}
