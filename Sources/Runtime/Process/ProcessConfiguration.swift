/// Everything needed to start one child process.
package struct ProcessConfiguration: Sendable {
    /// What a standard stream of the child is connected to.
    package enum StreamMode: Sendable, Equatable {
        /// A pipe to this process (stdin: `write`; stdout: the handler; stderr: the capture).
        case pipe
        /// `/dev/null`.
        case null
    }

    /// Who reads the child's stdout pipe.
    package enum OutputReader: Sendable, Equatable {
        /// A thread of the child hands each chunk to `ChildProcess.Handlers.standardOutput`.
        case thread
        /// The caller polls and reads `ChildProcess.ownedOutput` on its own thread (no thread hop);
        /// the handler is not called. See `OwnedOutput` for what the caller must do.
        case owner
    }

    /// argv; `command[0]` is resolved through the child's PATH unless it contains a slash.
    package var command: [String]
    package var environment: EnvironmentPolicy = .default
    /// The child's working directory; nil keeps ours. Relative commands with a slash resolve against it.
    package var workingDirectory: String?
    package var standardInput: StreamMode = .pipe
    package var standardOutput: StreamMode = .pipe
    package var standardError: StreamMode = .pipe
    package var standardOutputReader: OutputReader = .thread
    package var stderrCapture: StderrCapturePolicy = .default
    /// Bytes queued for the child's stdin beyond which `write` refuses (`queueFull`).
    package var stdinQueueBytesMax: Int = 16 * 1024 * 1024
    /// Bytes read per `read` from stdout and stderr.
    package var readChunkBytes: Int = 64 * 1024
    /// After the child is reaped, how long its pipes may stay open (a grandchild outside the group)
    /// before reading is abandoned and the exit is reported anyway.
    package var outputDrainGraceMs: Int = 2_000

    package init(command: [String]) {
        self.command = command
    }
}
