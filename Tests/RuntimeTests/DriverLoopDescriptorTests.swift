import Glibc
import Runtime
import Testing

/// The loop's descriptor set (epoll underneath): several descriptors ready at once, and removal.
@Suite("Driver loop descriptors")
struct DriverLoopDescriptorTests {
    static func readable(_ loop: DriverLoop, count: Int) -> [Int32] {
        (0..<count).map { _ in
            if case .readable(let fd) = loop.next().item { return fd }
            return -1
        }
    }

    @Test("descriptors ready at once come in the order they were watched, not the order they became ready")
    func readyOrder() {
        let loop = DriverLoop(clock: MonotonicClock())
        let pipes = (0..<3).map { _ in DriverLoopTests.pipePair() }
        defer { for pipe in pipes { close(pipe.read); close(pipe.write) } }
        for index in [2, 0, 1] { loop.watch(pipes[index].read) }
        for pipe in pipes { DriverLoopTests.put(pipe.write, "x") }
        #expect(Self.readable(loop, count: 3) == [pipes[2].read, pipes[0].read, pipes[1].read])
        // Still readable (level-triggered): the next wait reports them again, in the same order.
        loop.unwatch(pipes[0].read)
        #expect(Self.readable(loop, count: 2) == [pipes[2].read, pipes[1].read])
        loop.watch(pipes[0].read)
        #expect(Self.readable(loop, count: 3) == [pipes[2].read, pipes[1].read, pipes[0].read])
        for pipe in pipes { loop.unwatch(pipe.read) }
    }
}
