/// A signal the coordinator asks the driver to send (numbers are Linux's; Runtime maps them).
package struct ProcessSignal: Hashable, Sendable, CustomStringConvertible {
    package var number: Int32

    package init(number: Int32) { self.number = number }

    package static let interrupt = ProcessSignal(number: 2)
    package static let kill = ProcessSignal(number: 9)
    package static let terminate = ProcessSignal(number: 15)

    package var description: String {
        switch number {
        case 2: "SIGINT"
        case 9: "SIGKILL"
        case 15: "SIGTERM"
        default: "signal \(number)"
        }
    }
}
