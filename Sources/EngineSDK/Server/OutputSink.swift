/// Where `SidecarServer` writes protocol bytes: the private stdout descriptor, or a test's fake.
package struct OutputSink: Sendable {
    /// Writes all of the bytes (blocking while the reader is slow); false when the stream is closed.
    package var write: @Sendable ([UInt8]) -> Bool
    /// Called on a producer's thread just before it waits for room in the output backlog.
    package var producerWillWait: @Sendable () -> Void

    package init(write: @escaping @Sendable ([UInt8]) -> Bool, producerWillWait: @escaping @Sendable () -> Void = {}) {
        self.write = write
        self.producerWillWait = producerWillWait
    }

    /// Full writes to `fd` (retrying short writes and EINTR).
    package static func descriptor(_ fd: Int32) -> OutputSink {
        OutputSink { bytes in PosixStreams.writeAll(fd, bytes) }
    }
}
