import Wire

extension RPCID {
    /// A request id from literal JSON number text (`"18446744073709551616"`, `"1e3"`).
    static func number(text: String) -> RPCID {
        guard let number = JSONNumber(validating: text) else { preconditionFailure("bad number \(text)") }
        return .number(number)
    }
}

extension RPCID {
    /// The runner's own handshake and barrier ids (`"lsconform-init"`, `"lsconform-barrier-N"`).
    var isRunnerOwn: Bool {
        guard case .string(let text) = self else { return false }
        return text == "lsconform-init" || text.hasPrefix("lsconform-barrier-")
    }
}
