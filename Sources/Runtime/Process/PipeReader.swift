/// Reads a non-blocking pipe until EOF, an error, or cancellation, handing each chunk on.
enum PipeReader {
    /// Returns when the pipe is done; closes `fd`. With `batchMs > 0`, a read that got less than a
    /// chunk is followed by a wait of `batchMs` (cut short by hang-up or cancel) before the next read.
    static func run(fd: Int32, cancelFd: Int32, chunkBytes: Int, batchMs: Int = 0, deliver: ([UInt8]) -> Void) {
        defer { PosixPipe.close(fd) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkBytes, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            switch PosixPipe.read(fd, into: buffer) {
            case .bytes(let count):
                deliver(copy(buffer, count: count))
                if batchMs > 0 && count < chunkBytes {
                    guard PosixPipe.waitForHangUp(fd, cancelFd: cancelFd, timeoutMs: Int32(batchMs)) else { return }
                }
            case .wouldBlock:
                guard PosixPipe.waitReadable(fd, cancelFd: cancelFd) else { return }
            case .endOfFile, .failed:
                return
            }
        }
    }

    private static func copy(_ buffer: UnsafeMutableRawBufferPointer, count: Int) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: count) { destination, initialized in
            UnsafeMutableRawBufferPointer(destination).copyMemory(
                from: UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
            initialized = count
        }
    }
}
