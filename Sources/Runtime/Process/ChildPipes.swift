/// The pipes of one child: parent ends (kept), child ends (closed after the spawn), and a cancel
/// pipe whose write end wakes every I/O thread that must give up.
struct ChildPipes {
    var stdinWrite: Int32 = -1
    var stdoutRead: Int32 = -1
    var stderrRead: Int32 = -1
    var childStdin: Int32 = -1
    var childStdout: Int32 = -1
    var childStderr: Int32 = -1
    var cancelRead: Int32 = -1
    var cancelWrite: Int32 = -1

    /// Creates the pipes the configuration asks for; on failure nothing stays open.
    static func make(for configuration: ProcessConfiguration) -> Result<ChildPipes, PosixErrno> {
        var pipes = ChildPipes()
        do throws(PosixErrno) {
            if configuration.standardInput == .pipe {
                let pair = try PosixPipe.make().get()
                (pipes.childStdin, pipes.stdinWrite) = (pair.read, pair.write)
                PosixPipe.setNonBlocking(pipes.stdinWrite)
            }
            if configuration.standardOutput == .pipe {
                let pair = try PosixPipe.make().get()
                (pipes.stdoutRead, pipes.childStdout) = (pair.read, pair.write)
                PosixPipe.setNonBlocking(pipes.stdoutRead)
            }
            if configuration.standardError == .pipe {
                let pair = try PosixPipe.make().get()
                (pipes.stderrRead, pipes.childStderr) = (pair.read, pair.write)
                PosixPipe.setNonBlocking(pipes.stderrRead)
            }
            let cancel = try PosixPipe.make().get()
            (pipes.cancelRead, pipes.cancelWrite) = (cancel.read, cancel.write)
        } catch {
            pipes.closeChildEnds()
            pipes.closeParentEnds()
            return .failure(error)
        }
        return .success(pipes)
    }

    /// The descriptors this process keeps (open ones only).
    var parentEnds: [Int32] {
        [stdinWrite, stdoutRead, stderrRead, cancelRead, cancelWrite].filter { $0 >= 0 }
    }

    func stream(_ fd: Int32) -> PosixSpawn.Stream {
        fd >= 0 ? .descriptor(fd) : .null
    }

    mutating func closeChildEnds() {
        for fd in [childStdin, childStdout, childStderr] { PosixPipe.close(fd) }
        (childStdin, childStdout, childStderr) = (-1, -1, -1)
    }

    mutating func closeParentEnds() {
        for fd in [stdinWrite, stdoutRead, stderrRead, cancelRead, cancelWrite] { PosixPipe.close(fd) }
        (stdinWrite, stdoutRead, stderrRead, cancelRead, cancelWrite) = (-1, -1, -1, -1, -1)
    }
}
