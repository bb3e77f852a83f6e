import Glibc

/// The descriptors one thread waits on with `poll(2)`, each for input (readable, end of file, error
/// or hang-up all count as ready: a read will not block).
struct PosixPollSet {
    private var entries: [pollfd] = []

    func contains(_ fd: Int32) -> Bool { entries.contains { $0.fd == fd } }

    mutating func add(_ fd: Int32) {
        precondition(fd >= 0 && !contains(fd), "descriptor \(fd) is invalid or already watched")
        entries.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0))
    }

    mutating func remove(_ fd: Int32) {
        entries.removeAll { $0.fd == fd }
    }

    /// Waits at most `timeoutMs` (-1: no limit) for a descriptor to be ready and appends the ready
    /// ones to `ready`, in the order they were added. A signal interrupting the wait returns none.
    mutating func wait(timeoutMs: Int32, into ready: inout [Int32]) {
        let count = entries.withUnsafeMutableBufferPointer { buffer in
            poll(buffer.baseAddress, nfds_t(buffer.count), timeoutMs)
        }
        if count < 0 {
            // EINTR: the caller looks again. Anything else (EFAULT, EINVAL, ENOMEM) is a bug here.
            precondition(errno == EINTR || errno == ENOMEM, "poll failed: \(PosixErrno.current.message)")
            return
        }
        guard count > 0 else { return }
        for entry in entries where entry.revents != 0 {
            precondition(entry.revents & Int16(POLLNVAL) == 0, "descriptor \(entry.fd) was closed while watched")
            ready.append(entry.fd)
        }
    }
}
