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
    /// Room for `eventsMax` `struct epoll_event`s (see `PosixEpoll` for the layout).
    private let events: UnsafeMutableRawPointer
    private let epoll = PosixEpoll.shared

    /// Ready descriptors reported by one wait at most (the rest are reported by the next one).
    static let eventsMax = 64

    init() {
        epollDescriptor = epoll.create1(PosixEpoll.closeOnExec)
        precondition(epollDescriptor >= 0, "epoll_create1 failed: \(PosixErrno.current.message)")
        events = UnsafeMutableRawPointer.allocate(byteCount: Self.eventsMax * PosixEpoll.eventBytes, alignment: 8)
    }

    deinit {
        close()
        events.deallocate()
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
        var event = [UInt8](repeating: 0, count: PosixEpoll.eventBytes)
        let result = event.withUnsafeMutableBytes { bytes in
            bytes.storeBytes(of: PosixEpoll.inputEvents, toByteOffset: 0, as: UInt32.self)
            bytes.storeBytes(of: UInt64(UInt32(bitPattern: fd)), toByteOffset: PosixEpoll.dataOffset, as: UInt64.self)
            return epoll.control(epollDescriptor, PosixEpoll.controlAdd, fd, bytes.baseAddress)
        }
        precondition(result == 0, "epoll_ctl(ADD, \(fd)) failed: \(PosixErrno.current.message)")
        watched.append(fd)
    }

    func remove(_ fd: Int32) {
        guard let index = watched.firstIndex(of: fd) else { return }
        watched.remove(at: index)
        // Fails only if the caller closed `fd` before removing it; nothing is left to undo then.
        _ = epoll.control(epollDescriptor, PosixEpoll.controlDelete, fd, nil)
    }

    /// Waits at most `timeoutMs` (-1: no limit) for a descriptor to be ready and appends the ready
    /// ones to `ready`, in the order they were added. A signal interrupting the wait returns none.
    func wait(timeoutMs: Int32, into ready: inout [Int32]) {
        let count = Int(epoll.wait(epollDescriptor, events, Int32(Self.eventsMax), timeoutMs))
        if count < 0 {
            // EINTR: the caller looks again. Anything else (EBADF, EINVAL) is a bug here.
            precondition(errno == EINTR, "epoll_wait failed: \(PosixErrno.current.message)")
            return
        }
        if count == 1 {
            ready.append(descriptor(at: 0))
            return
        }
        guard count > 1 else { return }
        var readyNow: [Int32] = []
        for index in 0..<count { readyNow.append(descriptor(at: index)) }
        for fd in watched where readyNow.contains(fd) { ready.append(fd) }
    }

    /// The descriptor of the `index`th event `epoll_wait` filled in (stored in its data by `add`).
    private func descriptor(at index: Int) -> Int32 {
        let data = events.loadUnaligned(fromByteOffset: index * PosixEpoll.eventBytes + PosixEpoll.dataOffset, as: UInt64.self)
        return Int32(bitPattern: UInt32(truncatingIfNeeded: data))
    }
}
