/// What an engine built on the server may do besides the `SpeechEngine` hooks (lsref's faults).
package struct SidecarControl: Sendable {
    /// Raw bytes on stdout, in order with protocol lines.
    package let injectOutput: @Sendable ([UInt8]) -> Void
    /// One line longer than the effective limit on stdout.
    package let injectOversizedLine: @Sendable () -> Void
    /// Stop answering anything (a hang); SIGTERM still works unless ignored.
    package let freeze: @Sendable () -> Void
    /// Exit now with this status, writing nothing more (a crash).
    package let crash: @Sendable (Int32) -> Void
}
