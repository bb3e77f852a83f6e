import Glibc

/// Signals and process-group calls.
enum PosixSignals {
    /// Ignores SIGPIPE in this process so a write to a dead child's stdin is an EPIPE value, not death.
    /// Idempotent. Children get default dispositions back through `POSIX_SPAWN_SETSIGDEF`.
    static func ignoreBrokenPipe() {
        _ = signal(SIGPIPE, SIG_IGN)
    }

    /// `kill(-group, signal)`; returns the errno on failure (ESRCH: the group is empty).
    static func signalGroup(_ group: Int32, _ signal: Int32) -> PosixErrno? {
        precondition(group > 1, "refusing to signal process group \(group)")
        return kill(-group, signal) == 0 ? nil : .current
    }

    /// True while some process (even a zombie) is in the group.
    static func groupExists(_ group: Int32) -> Bool {
        kill(-group, 0) == 0 || errno == EPERM
    }
}
