import CLinuxEpoll
import Glibc

/// The descriptors one thread waits on, with `epoll(7)` (level-triggered, so it reports what
/// `poll(2)` would: readable, end of file, error or hang-up all count as ready — a read will not
/// block). The interest list lives in the kernel, so a wait registers nothing per call: cheaper
/// than `poll(2)` on every wake-up of the driver. The epoll descriptor is closed by `close()` (the
/// driver thread calls it as it ends) or at deinit.
///
/// A descriptor must be removed before it is closed (closing it removes it silently otherwise).
final class PosixPollSet {
    /// Watched descriptors in the order they were added (ready ones are reported in this order).
    private var watched: [Int32] = []
    private var epollDescriptor: Int32
    /// The descriptors one wait found ready.
    private var readyNow = [Int32](repeating: -1, count: PosixPollSet.eventsMax)

    /// Ready descriptors reported by one wait at most (the rest are reported by the next one).
    static let eventsMax = 64

    init() {
        epollDescriptor = lsepoll_create()
        precondition(epollDescriptor >= 0, "epoll_create1 failed: \(PosixErrno.current.message)")
    }

    deinit {
        close()
    }

    /// Closes the epoll descriptor (idempotent); the set must not be used afterwards.
    func close() {
        guard epollDescriptor >= 0 else { return }
        _ = Glibc.close(epollDescriptor)
        epollDescriptor = -1
    }

    func contains(_ fd: Int32) -> Bool { watched.contains(fd) }

    func add(_ fd: Int32) {
        precondition(fd >= 0 && !contains(fd), "descriptor \(fd) is invalid or already watched")
        let result = lsepoll_add(epollDescriptor, fd)
        precondition(result == 0, "epoll_ctl(ADD, \(fd)) failed: \(PosixErrno.current.message)")
        watched.append(fd)
    }

    func remove(_ fd: Int32) {
        guard let index = watched.firstIndex(of: fd) else { return }
        watched.remove(at: index)
        // Fails only if the caller closed `fd` before removing it; nothing is left to undo then.
        _ = lsepoll_remove(epollDescriptor, fd)
    }

    /// Waits at most `timeoutMs` (-1: no limit) for a descriptor to be ready and appends the ready
    /// ones to `ready`, in the order they were added. A signal interrupting the wait returns none.
    func wait(timeoutMs: Int32, into ready: inout [Int32]) {
        let count = Int(readyNow.withUnsafeMutableBufferPointer {
            lsepoll_wait(epollDescriptor, $0.baseAddress, Int32(Self.eventsMax), timeoutMs)
        })
        if count < 0 {
            // EINTR: the caller looks again. Anything else (EBADF, EINVAL) is a bug here.
            precondition(errno == EINTR, "epoll_wait failed: \(PosixErrno.current.message)")
            return
        }
        if count == 1 {
            ready.append(readyNow[0])
            return
        }
        guard count > 1 else { return }
        let found = readyNow[0..<count]
        for fd in watched where found.contains(fd) { ready.append(fd) }
    }
}
