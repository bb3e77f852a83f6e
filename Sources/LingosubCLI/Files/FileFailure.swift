#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be read or written, naming the path: `out.srt: cannot open: Permission denied`.
package struct FileFailure: Error, Equatable, CustomStringConvertible {
    package var path: String
    package var reason: String

    package init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    package var description: String { "\(path): \(reason)" }

    /// The C library's text for the current `errno`.
    static func errnoText() -> String { String(cString: strerror(errno)) }
}
