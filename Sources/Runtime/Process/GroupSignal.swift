import Glibc

/// A signal number with a readable name, sent to a whole process group (Core has its own
/// `ProcessSignal` for actions; the driver maps it).
package struct GroupSignal: Hashable, Sendable, CustomStringConvertible {
    package let rawValue: Int32

    package init(rawValue: Int32) { self.rawValue = rawValue }

    package static let hangup = GroupSignal(rawValue: SIGHUP)
    package static let interrupt = GroupSignal(rawValue: SIGINT)
    package static let kill = GroupSignal(rawValue: SIGKILL)
    package static let terminate = GroupSignal(rawValue: SIGTERM)
    package static let segmentationFault = GroupSignal(rawValue: SIGSEGV)

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
