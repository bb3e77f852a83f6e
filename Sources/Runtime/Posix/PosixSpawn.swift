import Glibc
import Synchronization

/// `posix_spawn` with argv only (never a shell), the child in its own process group, a reset signal
/// mask and default dispositions, the given standard streams, and every other descriptor closed.
enum PosixSpawn {
    /// What the child gets as one of its standard streams.
    enum Stream: Equatable {
        /// `dup2` of this parent descriptor.
        case descriptor(Int32)
        /// `/dev/null`.
        case null
    }

    struct Request {
        var path: String
        var arguments: [String]
        var environment: [String]
        var workingDirectory: String?
        var standardInput: Stream
        var standardOutput: Stream
        var standardError: Stream
    }

    /// Taken around pipe creation without `pipe2` and around every spawn.
    static let lock = Mutex(())

    /// Spawns the child; returns its pid (also its process group id).
    static func spawn(_ request: Request) -> Result<Int32, PosixErrno> {
        PosixSignals.ignoreBrokenPipe()
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        if let failure = configure(&attributes) { return .failure(failure) }
        if let failure = addFileActions(&actions, request) { return .failure(failure) }
        let argv = request.arguments.map { strdup($0) } + [nil]
        let envp = request.environment.map { strdup($0) } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let status = lock.withLock { _ in
            posix_spawn(&pid, request.path, &actions, &attributes, argv, envp)
        }
        guard status == 0 else { return .failure(PosixErrno(code: status)) }
        return .success(pid)
    }

    private static func configure(_ attributes: inout posix_spawnattr_t) -> PosixErrno? {
        let flags = POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in 1..<Int32(32) where signal != SIGKILL && signal != SIGSTOP {
            sigaddset(&defaults, signal)
        }
        var status = posix_spawnattr_setflags(&attributes, Int16(flags))
        if status == 0 { status = posix_spawnattr_setpgroup(&attributes, 0) }
        if status == 0 { status = posix_spawnattr_setsigmask(&attributes, &emptyMask) }
        if status == 0 { status = posix_spawnattr_setsigdefault(&attributes, &defaults) }
        return status == 0 ? nil : PosixErrno(code: status)
    }

    private static func addFileActions(
        _ actions: inout posix_spawn_file_actions_t, _ request: Request
    ) -> PosixErrno? {
        let streams = [request.standardInput, request.standardOutput, request.standardError]
        for (target, stream) in streams.enumerated() {
            let status: Int32
            switch stream {
            case .descriptor(let fd):
                status = posix_spawn_file_actions_adddup2(&actions, fd, Int32(target))
            case .null:
                let mode = target == 0 ? O_RDONLY : O_WRONLY
                status = posix_spawn_file_actions_addopen(&actions, Int32(target), "/dev/null", mode, 0)
            }
            guard status == 0 else { return PosixErrno(code: status) }
        }
        if let directory = request.workingDirectory {
            guard let addChdir = PosixSymbols.shared.addChdir else { return PosixErrno(code: ENOSYS) }
            let status = addChdir(&actions, directory)
            guard status == 0 else { return PosixErrno(code: status) }
        }
        if let addClosefrom = PosixSymbols.shared.addClosefrom {
            let status = addClosefrom(&actions, 3)
            guard status == 0 else { return PosixErrno(code: status) }
        }
        return nil
    }

    /// What a path is, for resolving commands before spawning.
    enum PathKind: Equatable {
        case executableFile
        case notExecutable
        case directory
        case missing
    }

    static func kind(of path: String) -> PathKind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        if (info.st_mode & S_IFMT) == S_IFDIR { return .directory }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .notExecutable }
        return access(path, X_OK) == 0 ? .executableFile : .notExecutable
    }

    static func currentDirectory() -> String? {
        guard let pointer = getcwd(nil, 0) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    static func parentEnvironment() -> [String: String] {
        var result: [String: String] = [:]
        var cursor = environ
        while let entry = cursor.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            cursor += 1
        }
        return result
    }
}
