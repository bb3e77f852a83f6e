import Glibc

/// Waiting for and reaping one known child.
enum PosixWait {
    /// Blocks until `pid` has exited, without reaping it (`WNOWAIT`): the zombie keeps the pid and
    /// its process group id reserved, so signalling the group stays safe until `reap`.
    static func waitForExit(_ pid: Int32) -> PosixErrno? {
        var info = siginfo_t()
        while true {
            if waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) == 0 { return nil }
            if errno == EINTR { continue }
            return .current
        }
    }

    /// Reaps `pid` (blocking) and returns its raw wait status.
    static func reap(_ pid: Int32) -> Result<Int32, PosixErrno> {
        var status: Int32 = 0
        while true {
            if waitpid(pid, &status, 0) == pid { return .success(status) }
            if errno == EINTR { continue }
            return .failure(.current)
        }
    }
}
