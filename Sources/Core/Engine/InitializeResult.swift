/// The parts of the `initialize` result the coordinator uses.
package struct InitializeResult: Hashable, Sendable {
    package var protocolVersion: String
    package var engineName: String
    package var engineVersion: String
    package var languages: [String]
    package var drafts: Bool
    package var maxConcurrentRequests: Int
    package var maxMessageBytes: Int?

    package init(
        protocolVersion: String = "1.0", engineName: String = "", engineVersion: String = "",
        languages: [String] = [], drafts: Bool = false, maxConcurrentRequests: Int = 1,
        maxMessageBytes: Int? = nil
    ) {
        self.protocolVersion = protocolVersion
        self.engineName = engineName
        self.engineVersion = engineVersion
        self.languages = languages
        self.drafts = drafts
        self.maxConcurrentRequests = maxConcurrentRequests
        self.maxMessageBytes = maxMessageBytes
    }
}
