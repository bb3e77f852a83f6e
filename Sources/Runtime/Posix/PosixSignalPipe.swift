import Glibc

/// The self-pipe trick: an async-signal-safe handler writes the signal number as one byte; a normal
/// thread reads it. Signals are process-wide, so this pipe is too (created once, never closed).
enum PosixSignalPipe {
    static let descriptors: (read: Int32, write: Int32) = {
        guard case .success(let pair) = PosixPipe.make() else {
            preconditionFailure("cannot create the signal pipe: \(PosixErrno.current.message)")
        }
        PosixPipe.setNonBlocking(pair.write)  // a full pipe drops the byte instead of blocking the handler
        return pair
    }()

    /// Routes `signal` to the pipe instead of its default action.
    static func install(_ signal: Int32) {
        _ = descriptors  // initialize before any handler can run
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { number in
            var byte = UInt8(truncatingIfNeeded: number)
            _ = write(PosixSignalPipe.descriptors.write, &byte, 1)
        }
        action.sa_flags = SA_RESTART
        sigemptyset(&action.sa_mask)
        _ = sigaction(signal, &action, nil)
        // A parent may have started us with the signal blocked (Foundation's Process launched from a
        // Dispatch thread passes on that thread's mask): unblock it here, or the handler never runs.
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        sigaddset(&unblocked, signal)
        _ = pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
    }

    static func restoreDefault(_ signal: Int32) {
        _ = Glibc.signal(signal, SIG_DFL)
    }

    /// Blocks for the next routed signal.
    static func next() -> Int32 {
        var byte: UInt8 = 0
        while true {
            let count = read(descriptors.read, &byte, 1)
            if count == 1 { return Int32(byte) }
            if count < 0 && errno == EINTR { continue }
            preconditionFailure("the signal pipe failed: \(PosixErrno.current.message)")
        }
    }
}
