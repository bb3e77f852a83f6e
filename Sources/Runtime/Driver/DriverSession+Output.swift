import Core

extension DriverSession {
    /// Starts watching a new child's stdout (and its cancel pipe) in the loop.
    mutating func watchOutput(of key: ChildKey, _ output: OwnedOutput) {
        loop.watch(output.descriptor)
        loop.watch(output.cancelDescriptor)
        watches[output.descriptor] = Watch(key: key, output: output, isCancel: false, isCurrent: false)
        watches[output.cancelDescriptor] = Watch(key: key, output: output, isCancel: true, isCurrent: false)
    }

    /// Makes `key` its engine's current generation (`current` and the watches' `isCurrent`).
    mutating func makeCurrent(_ key: ChildKey, _ process: ChildProcess) {
        current[key.engine] = (key.generation, process)
        for (fd, watch) in watches where watch.key.engine == key.engine {
            watches[fd]?.isCurrent = watch.key == key
        }
    }

    /// A watched descriptor is readable: read one chunk of a child's stdout and decode it (current
    /// generation only), or close the stdout at its end or when reading must be abandoned.
    mutating func readOutput(_ fd: Int32, nowMs: UInt64) {
        guard let watch = watches[fd] else { return }
        let output = watch.output
        if watch.isCancel {
            closeOutput(of: watch.key, output)
            return
        }
        switch readBuffer.withUnsafeMutableBytes({ output.read(into: $0) }) {
        case .wouldBlock:
            return
        case .ended:
            closeOutput(of: watch.key, output)
        case .bytes(let count):
            guard watch.isCurrent else { return }
            let key = watch.key
            // In place (a copy of the child would make the decoder copy its buffer on every chunk).
            guard let inputs = children[key]?.decoder.append(Array(readBuffer[0..<count])) else { return }
            for case .engineMessage(_, .response(let id, _)) in inputs { driver.roundTrips.received(id) }
            process(inputs, nowMs: nowMs)
        }
    }

    /// Stops watching and closes; the child's reaper then reports the exit (after this, so the
    /// decoder has seen every byte when `.exited` arrives).
    private mutating func closeOutput(of key: ChildKey, _ output: OwnedOutput) {
        for fd in [output.descriptor, output.cancelDescriptor] {
            loop.unwatch(fd)
            watches[fd] = nil
        }
        output.close()
    }
}
