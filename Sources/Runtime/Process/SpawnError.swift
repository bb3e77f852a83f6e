/// Why a child could not be started.
package struct SpawnError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stable code; `id` is its string form for reports.
    package struct Code: Hashable, Sendable, CustomStringConvertible {
        enum Storage: String, Hashable, Sendable {
            case emptyCommand = "empty_command"
            case executableNotFound = "executable_not_found"
            case permissionDenied = "permission_denied"
            case workingDirectoryNotFound = "working_directory_not_found"
            case resourcesExhausted = "resources_exhausted"
            case spawnFailed = "spawn_failed"
        }

        let storage: Storage

        package static var emptyCommand: Self { .init(storage: .emptyCommand) }
        package static var executableNotFound: Self { .init(storage: .executableNotFound) }
        package static var permissionDenied: Self { .init(storage: .permissionDenied) }
        package static var workingDirectoryNotFound: Self { .init(storage: .workingDirectoryNotFound) }
        package static var resourcesExhausted: Self { .init(storage: .resourcesExhausted) }
        package static var spawnFailed: Self { .init(storage: .spawnFailed) }

        package var id: String { storage.rawValue }
        package var description: String { id }
    }

    package let code: Code
    /// The errno behind the failure, when there is one.
    package let errno: Int32?
    /// Human-readable: the command and what went wrong.
    package let detail: String

    package init(code: Code, errno: Int32? = nil, detail: String) {
        self.code = code
        self.errno = errno
        self.detail = detail
    }

    package var description: String { "\(code.id): \(detail)" }
}
