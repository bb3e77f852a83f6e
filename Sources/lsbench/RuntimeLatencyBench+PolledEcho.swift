import Runtime

extension RuntimeLatencyBench {
    /// `line-echo` as the driver runs an engine: `ChildProcess` with its stdout read by the owner
    /// (`OwnedOutput`), polled by a `DriverLoop` on the measuring thread; the message is written
    /// inline on the non-blocking stdin pipe. No thread hand-off between write and reply.
    final class PolledEcho {
        private let child: ChildProcess
        private let output: OwnedOutput
        private let loop = DriverLoop(clock: MonotonicClock())
        private var buffer = [UInt8](repeating: 0, count: 65_536)

        init(executable: String) throws {
            var configuration = ProcessConfiguration(command: [executable])
            configuration.standardOutputReader = .owner
            child = try ChildProcess.spawn(configuration)
            guard let output = child.ownedOutput else { throw EchoError(description: "stdout is not owned") }
            self.output = output
            loop.watch(output.descriptor)
            loop.watch(output.cancelDescriptor)
        }

        func roundTrip(_ message: [UInt8]) throws -> Duration {
            let clock = ContinuousClock()
            let start = clock.now
            guard child.write(message) == .accepted else { throw EchoError(description: "stdin refused the message") }
            var received = 0
            while received < message.count {
                guard case .readable(output.descriptor) = loop.next().item else { continue }
                switch buffer.withUnsafeMutableBytes({ output.read(into: $0) }) {
                case .bytes(let count): received += count
                case .wouldBlock: continue
                case .ended: throw EchoError(description: "the echo closed its stdout")
                }
            }
            return clock.now - start
        }

        func finish() {
            child.closeStdin()
            // Read to end of file (or the reaper's cancel), as the driver does, so the exit is reported.
            draining: while case .readable(let fd) = loop.next().item, fd == output.descriptor {
                switch buffer.withUnsafeMutableBytes({ output.read(into: $0) }) {
                case .ended: break draining
                case .bytes, .wouldBlock: continue
                }
            }
            loop.unwatch(output.descriptor)
            loop.unwatch(output.cancelDescriptor)
            output.close()
            if child.waitForExit(timeoutMs: 5_000) == nil { child.signalGroup(.kill) }
            _ = child.waitForExit(timeoutMs: 5_000)
        }
    }
}
