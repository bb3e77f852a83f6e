import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// What a command reads from its process besides arguments: environment variables, the current
/// directory, where the `lingosub` executable lives, and whether stderr is a terminal. Tests pass
/// their own.
struct CommandEnvironment: Sendable {
    var variables: [String: String]
    var currentDirectory: String
    /// The directory of the running executable (engines named without a slash are also looked up here).
    var executableDirectory: String?
    var stderrIsTerminal: Bool
    /// Stop the engines on SIGINT/SIGTERM (off in tests, which share one process).
    var handlesTerminationSignals = true

    /// The running process's.
    static var current: CommandEnvironment {
        CommandEnvironment(
            variables: ProcessInfo.processInfo.environment,
            currentDirectory: FileManager.default.currentDirectoryPath,
            executableDirectory: executableDirectoryOfProcess(),
            stderrIsTerminal: isatty(2) == 1)
    }

    /// `path` made absolute against the current directory.
    func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        let base = currentDirectory.hasSuffix("/") ? currentDirectory : currentDirectory + "/"
        return base + (path.hasPrefix("./") ? String(path.dropFirst(2)) : path)
    }

    private static func executableDirectoryOfProcess() -> String? {
        var buffer = [CChar](repeating: 0, count: 4_096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        let path = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let slash = path.lastIndex(of: "/") else { return nil }
        return String(path[..<slash])
    }
}
