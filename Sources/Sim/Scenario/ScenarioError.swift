/// A scenario file that cannot be used: a stable code, the JSON path and what was expected.
package struct ScenarioError: Error, Hashable, Sendable, CustomStringConvertible {
    package var code: Code
    package var path: String
    package var detail: String

    package init(_ code: Code, path: String, _ detail: String) {
        self.code = code
        self.path = path
        self.detail = detail
    }

    package var description: String { "\(code.id) at \(path.isEmpty ? "<root>" : path): \(detail)" }

    /// An opaque code with a stable string id (STYLE rule 9).
    package struct Code: Hashable, Sendable, CustomStringConvertible {
        let storage: Storage

        package var id: String { storage.rawValue }
        package var description: String { id }

        enum Storage: String, Sendable {
            case invalidJSON = "invalid_json"
            case wrongType = "wrong_type"
            case missingMember = "missing_member"
            case unknownMember = "unknown_member"
            case invalidValue = "invalid_value"
            case unknownReference = "unknown_reference"
        }

        package static var invalidJSON: Self { .init(storage: .invalidJSON) }
        package static var wrongType: Self { .init(storage: .wrongType) }
        package static var missingMember: Self { .init(storage: .missingMember) }
        /// A member the format does not define (usually a typo).
        package static var unknownMember: Self { .init(storage: .unknownMember) }
        package static var invalidValue: Self { .init(storage: .invalidValue) }
        /// A task alias, engine or client name that is not declared.
        package static var unknownReference: Self { .init(storage: .unknownReference) }
    }
}
