import Glibc

/// A signal number with a readable name.
package struct ProcessSignal: Hashable, Sendable, CustomStringConvertible {
    package let rawValue: Int32

    package init(rawValue: Int32) { self.rawValue = rawValue }

    package static let hangup = ProcessSignal(rawValue: SIGHUP)
    package static let interrupt = ProcessSignal(rawValue: SIGINT)
    package static let kill = ProcessSignal(rawValue: SIGKILL)
    package static let terminate = ProcessSignal(rawValue: SIGTERM)
    package static let segmentationFault = ProcessSignal(rawValue: SIGSEGV)

    package var description: String {
        switch rawValue {
        case SIGHUP: "SIGHUP"
        case SIGINT: "SIGINT"
        case SIGQUIT: "SIGQUIT"
        case SIGABRT: "SIGABRT"
        case SIGKILL: "SIGKILL"
        case SIGSEGV: "SIGSEGV"
        case SIGPIPE: "SIGPIPE"
        case SIGTERM: "SIGTERM"
        default: "signal \(rawValue)"
        }
    }
}
