/// The engine could not be spawned (exit code 3 territory). Codes are stable.
package struct EngineStartError: Error, Sendable, Equatable, CustomStringConvertible {
    package struct Code: Sendable, Hashable, CustomStringConvertible {
        package let id: String
        package var description: String { id }
        package static let spawnFailed = Code(id: "spawn_failed")
        package static let pipeFailed = Code(id: "pipe_failed")
    }

    package var code: Code
    package var detail: String

    package init(_ code: Code, _ detail: String) {
        self.code = code
        self.detail = detail
    }

    package var description: String { "\(code): \(detail)" }
}
