import Glibc

/// An `errno` value with its message.
struct PosixErrno: Error, Equatable, Sendable {
    let code: Int32

    static var current: PosixErrno { PosixErrno(code: errno) }

    static let cancelled = PosixErrno(code: ECANCELED)
    static let brokenPipe = PosixErrno(code: EPIPE)

    var message: String { String(cString: strerror(code)) }
}
