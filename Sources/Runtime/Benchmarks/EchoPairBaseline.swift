/// The latency benchmark's yardstick: this process and `/bin/cat` on two blocking pipes, one line
/// out and the same line back per round trip, no threads and no framing.
enum EchoPairBaseline {
    static func measure(samples: Int, lineBytes: Int) -> Result<[UInt64], PosixErrno> {
        let toChild: (read: Int32, write: Int32)
        let fromChild: (read: Int32, write: Int32)
        switch (PosixPipe.make(), PosixPipe.make()) {
        case (.success(let a), .success(let b)): (toChild, fromChild) = (a, b)
        case (.failure(let failure), _), (_, .failure(let failure)): return .failure(failure)
        }
        let request = PosixSpawn.Request(
            path: "/bin/cat", arguments: ["cat"], environment: [], workingDirectory: nil,
            standardInput: .descriptor(toChild.read), standardOutput: .descriptor(fromChild.write), standardError: .null)
        let spawned = PosixSpawn.spawn(request)
        PosixPipe.close(toChild.read)
        PosixPipe.close(fromChild.write)
        defer { PosixPipe.close(fromChild.read) }
        guard case .success(let pid) = spawned else {
            PosixPipe.close(toChild.write)
            if case .failure(let failure) = spawned { return .failure(failure) }
            return .failure(.cancelled)
        }
        let result = roundTrips(samples, lineBytes: lineBytes, write: toChild.write, read: fromChild.read)
        PosixPipe.close(toChild.write)
        _ = PosixWait.reap(pid)
        return result
    }

    private static func roundTrips(_ samples: Int, lineBytes: Int, write: Int32, read: Int32) -> Result<[UInt64], PosixErrno> {
        let line = [UInt8](repeating: 0x61, count: max(lineBytes - 1, 0)) + [0x0A]
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: line.count, alignment: 16)
        defer { buffer.deallocate() }
        var times: [UInt64] = []
        times.reserveCapacity(samples)
        for _ in 0..<samples {
            let start = MonotonicClock.systemNs()
            if let failure = PosixFile.writeAll(write, line[...]) { return .failure(failure) }
            var received = 0
            while received < line.count {
                let room = UnsafeMutableRawBufferPointer(rebasing: buffer[received...])
                guard case .bytes(let count) = PosixPipe.read(read, into: room) else { return .failure(.brokenPipe) }
                received += count
            }
            times.append(MonotonicClock.systemNs() - start)
        }
        return .success(times)
    }
}
