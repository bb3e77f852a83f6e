import Glibc

/// GNU extensions that the Swift Glibc module does not import (they sit behind `_GNU_SOURCE`),
/// looked up once with `dlsym`. Every one of them exists in glibc 2.34+; a missing symbol is `nil`.
struct PosixSymbols: Sendable {
    typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>?, Int32) -> Int32
    typealias AddChdir = @convention(c) (
        UnsafeMutablePointer<posix_spawn_file_actions_t>?, UnsafePointer<CChar>?
    ) -> Int32
    typealias AddClosefrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32

    /// `pipe2(fds, flags)` (glibc 2.9).
    let pipe2: Pipe2?
    /// `posix_spawn_file_actions_addchdir_np` (glibc 2.29).
    let addChdir: AddChdir?
    /// `posix_spawn_file_actions_addclosefrom_np` (glibc 2.34).
    let addClosefrom: AddClosefrom?

    static let shared = PosixSymbols()

    private init() {
        pipe2 = Self.lookup("pipe2", as: Pipe2.self)
        addChdir = Self.lookup("posix_spawn_file_actions_addchdir_np", as: AddChdir.self)
        addClosefrom = Self.lookup("posix_spawn_file_actions_addclosefrom_np", as: AddClosefrom.self)
    }

    private static func lookup<F>(_ name: String, as type: F.Type) -> F? {
        // RTLD_DEFAULT is the null handle on glibc.
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { return nil }
        return unsafeBitCast(symbol, to: type)
    }
}
