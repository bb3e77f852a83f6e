import Glibc

/// An `errno` value with its message.
struct PosixErrno: Error, Equatable, Sendable {
    let code: Int32

    static var current: PosixErrno { PosixErrno(code: errno) }

    /// How spawn failures are classified.
    enum Kind {
        case notFound
        case permissionDenied
        case resourcesExhausted
        case other
    }

    static let cancelled = PosixErrno(code: ECANCELED)
    static let brokenPipe = PosixErrno(code: EPIPE)
    static let notFound = PosixErrno(code: ENOENT)
    static let permissionDenied = PosixErrno(code: EACCES)

    var kind: Kind {
        switch code {
        case ENOENT, ENOTDIR: .notFound
        case EACCES, EPERM, ENOEXEC: .permissionDenied
        case EAGAIN, ENOMEM, ENFILE, EMFILE: .resourcesExhausted
        default: .other
        }
    }

    var message: String { String(cString: strerror(code)) }
}
