import Foundation

/// Finds an engine's executable before anything starts, so a wrong name fails at once with a hint
/// instead of after the restart policy gives up. A word with a slash is a path (made absolute); a bare
/// name is looked up in PATH, then next to the `lingosub` executable, then in `.build/debug` (where
/// `swift build` puts `lsref`; `swift run lingosub` builds only `lingosub`).
package struct ExecutableResolver: Sendable {
    package var environment: CommandEnvironment

    package struct Failure: Error, Equatable, CustomStringConvertible {
        package var description: String
        package init(description: String) { self.description = description }
    }

    package init(environment: CommandEnvironment) { self.environment = environment }

    /// The absolute path to run for `word`.
    package func resolve(_ word: String) -> Result<String, Failure> {
        if word.contains("/") {
            let path = environment.absolute(word)
            return isExecutable(path) ? .success(path) : .failure(Failure(description: "\(path) is not an executable file"))
        }
        for candidate in candidates(word) where isExecutable(candidate) {
            return .success(candidate)
        }
        var hint = ""
        if let directory = environment.executableDirectory { hint = " or next to lingosub (\(directory))" }
        return .failure(Failure(description: "'\(word)' not found in PATH\(hint); if it is built by this package, run `swift build` first"))
    }

    private func candidates(_ word: String) -> [String] {
        var candidates: [String] = []
        let path = environment.variables["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for entry in path.split(separator: ":") where entry.hasPrefix("/") {
            candidates.append(entry + "/" + word)
        }
        if let directory = environment.executableDirectory {
            candidates.append(directory + "/" + word)
            // A release lingosub next to a debug build, and a bundle inside the build directory.
            candidates.append(directory + "/../debug/" + word)
        }
        candidates.append(environment.absolute(".build/debug/" + word))
        return candidates
    }

    private func isExecutable(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
            && FileManager.default.isExecutableFile(atPath: path)
    }
}
