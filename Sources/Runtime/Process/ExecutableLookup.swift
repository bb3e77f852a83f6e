/// Resolves `command[0]` the way `execvp` would, but against the child's PATH and without a shell:
/// a name with a slash is used as given (relative to the working directory); a bare name is
/// searched in PATH's absolute entries (empty and relative entries are skipped).
package enum ExecutableLookup {
    static let fallbackPath = "/usr/local/bin:/usr/bin:/bin"

    package static func resolve(
        _ name: String, path: String?, workingDirectory: String?
    ) -> Result<String, SpawnError> {
        if name.contains("/") { return check(absolute(name, workingDirectory: workingDirectory), name: name) }
        var sawNotExecutable: String?
        let entries = (path ?? fallbackPath).split(separator: ":", omittingEmptySubsequences: true)
        for entry in entries.map(String.init) where entry.hasPrefix("/") {
            let candidate = entry.hasSuffix("/") ? entry + name : entry + "/" + name
            switch PosixSpawn.kind(of: candidate) {
            case .executableFile: return .success(candidate)
            case .notExecutable: sawNotExecutable = sawNotExecutable ?? candidate
            case .missing, .directory: continue
            }
        }
        if let candidate = sawNotExecutable { return .failure(notExecutable(candidate)) }
        return .failure(SpawnError(
            code: .executableNotFound, errno: PosixErrno.notFound.code,
            detail: "\(name) not found in PATH \(path ?? fallbackPath)"))
    }

    private static func absolute(_ name: String, workingDirectory: String?) -> String {
        if name.hasPrefix("/") { return name }
        let base = workingDirectory ?? PosixSpawn.currentDirectory() ?? "/"
        return base.hasSuffix("/") ? base + name : base + "/" + name
    }

    private static func check(_ candidate: String, name: String) -> Result<String, SpawnError> {
        switch PosixSpawn.kind(of: candidate) {
        case .executableFile:
            return .success(candidate)
        case .notExecutable, .directory:
            return .failure(notExecutable(candidate))
        case .missing:
            return .failure(SpawnError(
                code: .executableNotFound, errno: PosixErrno.notFound.code, detail: "\(candidate) does not exist"))
        }
    }

    private static func notExecutable(_ candidate: String) -> SpawnError {
        SpawnError(code: .permissionDenied, errno: PosixErrno.permissionDenied.code, detail: "\(candidate) is not executable")
    }
}
