/// What a stop sequence did.
package struct TeardownOutcome: Sendable, Equatable {
    /// Signals actually delivered to the group, in order.
    package var signalsSent: [GroupSignal] = []
    /// The exit status; nil if the child outlived even the final SIGKILL wait.
    package var status: ProcessExitStatus?

    package init(signalsSent: [GroupSignal] = [], status: ProcessExitStatus? = nil) {
        self.signalsSent = signalsSent
        self.status = status
    }
}
