import Dispatch

extension ChildProcess {
    /// Starts `configuration.command` (no shell) in a new process group and begins draining it.
    package static func spawn(
        _ configuration: ProcessConfiguration, handlers: Handlers = Handlers()
    ) throws(SpawnError) -> ChildProcess {
        guard let name = configuration.command.first, !name.isEmpty else {
            throw SpawnError(code: .emptyCommand, detail: "the command is empty")
        }
        let environment = configuration.environment.resolve(parent: PosixSpawn.parentEnvironment())
        if let directory = configuration.workingDirectory, PosixSpawn.kind(of: directory) != .directory {
            throw SpawnError(
                code: .workingDirectoryNotFound, errno: PosixErrno.notFound.code,
                detail: "working directory \(directory) does not exist")
        }
        let path = try ExecutableLookup.resolve(
            name, path: environment["PATH"], workingDirectory: configuration.workingDirectory
        ).get()
        var pipes: ChildPipes
        switch ChildPipes.make(for: configuration) {
        case .success(let made): pipes = made
        case .failure(let failure): throw spawnError(failure, command: name)
        }
        let request = PosixSpawn.Request(
            path: path, arguments: configuration.command,
            environment: environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" },
            workingDirectory: configuration.workingDirectory,
            standardInput: pipes.stream(pipes.childStdin), standardOutput: pipes.stream(pipes.childStdout),
            standardError: pipes.stream(pipes.childStderr))
        let spawned = PosixSpawn.spawn(request)
        pipes.closeChildEnds()
        switch spawned {
        case .failure(let failure):
            pipes.closeParentEnds()
            throw spawnError(failure, command: path)
        case .success(let pid):
            let io = DispatchGroup()
            let owned = pipes.stdoutRead >= 0 && configuration.standardOutputReader == .owner
            let child = ChildProcess(
                pid: pid, command: configuration.command, executablePath: path, descriptors: pipes.parentEnds,
                stdin: pipes.stdinWrite >= 0
                    ? StdinWriter(fd: pipes.stdinWrite, bytesMax: configuration.stdinQueueBytesMax) : nil,
                stderr: pipes.stderrRead >= 0
                    ? StderrCapture(policy: configuration.stderrCapture, lineHandler: handlers.standardErrorLine)
                    : nil,
                ownedOutput: owned ? OwnedOutput(descriptor: pipes.stdoutRead, cancelDescriptor: pipes.cancelRead, io: io) : nil)
            child.startThreads(pipes: pipes, io: io, configuration: configuration, handlers: handlers)
            return child
        }
    }

    private static func spawnError(_ failure: PosixErrno, command: String) -> SpawnError {
        let detail = "cannot start \(command): \(failure.message)"
        switch failure.kind {
        case .notFound: return SpawnError(code: .executableNotFound, errno: failure.code, detail: detail)
        case .permissionDenied: return SpawnError(code: .permissionDenied, errno: failure.code, detail: detail)
        case .resourcesExhausted: return SpawnError(code: .resourcesExhausted, errno: failure.code, detail: detail)
        case .other: return SpawnError(code: .spawnFailed, errno: failure.code, detail: detail)
        }
    }

    private func startThreads(pipes: ChildPipes, io: DispatchGroup, configuration: ProcessConfiguration, handlers: Handlers) {
        let logWriter = DispatchGroup()
        let name = "child-\(pid)"
        let cancelRead = pipes.cancelRead
        let chunkBytes = configuration.readChunkBytes
        if pipes.stdoutRead >= 0 && ownedOutput == nil {
            let fd = pipes.stdoutRead
            io.enter()
            WorkerThread.start("\(name)-stdout") {
                PipeReader.run(fd: fd, cancelFd: cancelRead, chunkBytes: chunkBytes, deliver: handlers.standardOutput)
                io.leave()
            }
        }
        if let stderr {
            let fd = pipes.stderrRead
            io.enter()
            WorkerThread.start("\(name)-stderr") {
                PipeReader.run(
                    fd: fd, cancelFd: cancelRead, chunkBytes: chunkBytes, batchMs: stderr.policy.batchMs
                ) { stderr.ingest($0) }
                io.leave()
            }
            // Without a log file nothing is queued for a writer: no thread (one fewer per spawn).
            if stderr.policy.log != nil {
                logWriter.enter()
                WorkerThread.start("\(name)-log") {
                    stderr.runLogWriter()
                    logWriter.leave()
                }
            }
        }
        if let stdin {
            io.enter()
            WorkerThread.start("\(name)-stdin") {
                stdin.run(cancelFd: cancelRead)
                io.leave()
            }
        }
        let cancel = (read: pipes.cancelRead, write: pipes.cancelWrite)
        let graceMs = configuration.outputDrainGraceMs
        WorkerThread.start("\(name)-reaper") {
            self.superviseExit(io: io, logWriter: logWriter, cancel: cancel, graceMs: graceMs, handler: handlers.exit)
        }
    }
}
