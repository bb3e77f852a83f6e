import Glibc

/// `epoll(7)`, which the Swift Glibc module does not import (`sys/epoll.h` is not in its module
/// map): the three calls looked up once with `dlsym`, and the `struct epoll_event` layout. Linux
/// has had all three since 2.6.27; a missing one is a broken C library, so it stops the process.
struct PosixEpoll: Sendable {
    typealias Create1 = @convention(c) (Int32) -> Int32
    typealias Control = @convention(c) (Int32, Int32, Int32, UnsafeMutableRawPointer?) -> Int32
    typealias Wait = @convention(c) (Int32, UnsafeMutableRawPointer?, Int32, Int32) -> Int32

    static let inputEvents: UInt32 = 0x001  // EPOLLIN
    static let controlAdd: Int32 = 1  // EPOLL_CTL_ADD
    static let controlDelete: Int32 = 2  // EPOLL_CTL_DEL
    static let closeOnExec = Int32(O_CLOEXEC)  // EPOLL_CLOEXEC
    #if arch(x86_64)
    /// `struct epoll_event` is packed on x86-64: a 32-bit event mask, then the 64-bit data.
    static let eventBytes = 12
    static let dataOffset = 4
    #else
    static let eventBytes = 16
    static let dataOffset = 8
    #endif

    let create1: Create1
    let control: Control
    let wait: Wait

    static let shared = PosixEpoll()

    private init() {
        create1 = Self.lookup("epoll_create1", as: Create1.self)
        control = Self.lookup("epoll_ctl", as: Control.self)
        wait = Self.lookup("epoll_wait", as: Wait.self)
    }

    private static func lookup<F>(_ name: String, as type: F.Type) -> F {
        // RTLD_DEFAULT is the null handle on glibc.
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else {
            preconditionFailure("the C library has no \(name)")
        }
        return unsafeBitCast(symbol, to: type)
    }
}
