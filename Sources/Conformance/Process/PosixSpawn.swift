#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// `posix_spawnp` with argv only, the child in its own process group with default signal
/// dispositions and an empty mask, and the three given descriptors as its standard streams.
enum PosixSpawn {
    static func spawn(
        arguments: [String], environment: [String], stdin: Int32, stdout: Int32, stderr: Int32
    ) -> Result<Int32, EngineStartError> {
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in 1..<Int32(32) where signal != SIGKILL && signal != SIGSTOP { sigaddset(&defaults, signal) }
        let flags = Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)
        var status = posix_spawnattr_setflags(&attributes, flags)
        if status == 0 { status = posix_spawnattr_setpgroup(&attributes, 0) }
        if status == 0 { status = posix_spawnattr_setsigmask(&attributes, &emptyMask) }
        if status == 0 { status = posix_spawnattr_setsigdefault(&attributes, &defaults) }
        for (source, target) in [(stdin, Int32(0)), (stdout, 1), (stderr, 2)] where status == 0 {
            status = posix_spawn_file_actions_adddup2(&actions, source, target)
        }
        guard status == 0 else { return .failure(EngineStartError(.spawnFailed, "spawn attributes: errno \(status)")) }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        status = lock.withLock { _ in posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp) }
        guard status == 0 else {
            return .failure(EngineStartError(.spawnFailed, "cannot start '\(arguments[0])': \(String(cString: strerror(status)))"))
        }
        return .success(pid)
    }

    /// The runner's environment with `additions` applied (later additions win), as `K=V` strings.
    static func environment(adding additions: [(key: String, value: String)]) -> [String] {
        var entries: [String] = []
        var cursor = environ
        while let entry = cursor.pointee {
            entries.append(String(cString: entry))
            cursor += 1
        }
        for addition in additions {
            entries.removeAll { $0.hasPrefix(addition.key + "=") }
            entries.append(addition.key + "=" + addition.value)
        }
        return entries
    }

    /// Held while pipes are made close-on-exec and while spawning, so that no spawn on another
    /// thread inherits a pipe between `pipe` and `fcntl` (Glibc's module does not export `pipe2`).
    static let lock = Mutex(())

    /// Three pipes with every end close-on-exec (stdin, stdout, stderr of a child).
    static func pipes() -> [(read: Int32, write: Int32)]? {
        lock.withLock { _ -> [(read: Int32, write: Int32)]? in
            var made: [(read: Int32, write: Int32)] = []
            for _ in 0..<3 {
                var fds: [Int32] = [-1, -1]
                guard Glibc.pipe(&fds) == 0 else {
                    for pair in made { close(pair.read); close(pair.write) }
                    return nil
                }
                for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
                made.append((fds[0], fds[1]))
            }
            return made
        }
    }

    static func setNonBlocking(_ fd: Int32) {
        let flags = fcntl(fd, F_GETFL)
        _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
    }

    /// Decodes a `waitpid` status word.
    static func decode(_ status: Int32) -> ExitStatus {
        let signal = status & 0x7F
        return signal == 0 ? .exited((status >> 8) & 0xFF) : .signaled(signal)
    }
}
