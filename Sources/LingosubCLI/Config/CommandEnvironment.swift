import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// What a command reads from its process besides arguments: environment variables, the current
/// directory, where the `lingosub` executable lives, and whether stderr is a terminal. Tests pass
/// their own.
package struct CommandEnvironment: Sendable {
    package var variables: [String: String]
    package var currentDirectory: String
    /// The directory of the running executable (engines named without a slash are also looked up here).
    package var executableDirectory: String?
    package var stderrIsTerminal: Bool
    /// Stop the engines on SIGINT/SIGTERM (off in tests, which share one process).
    package var handlesTerminationSignals = true

    package init(variables: [String: String], currentDirectory: String, executableDirectory: String?, stderrIsTerminal: Bool) {
        self.variables = variables
        self.currentDirectory = currentDirectory
        self.executableDirectory = executableDirectory
        self.stderrIsTerminal = stderrIsTerminal
    }

    /// The running process's.
    package static var current: CommandEnvironment {
        CommandEnvironment(
            variables: ProcessInfo.processInfo.environment,
            currentDirectory: FileManager.default.currentDirectoryPath,
            executableDirectory: executableDirectoryOfProcess(),
            stderrIsTerminal: isatty(2) == 1)
    }

    /// `path` made absolute against the current directory.
    package func absolute(_ path: String) -> String {
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
