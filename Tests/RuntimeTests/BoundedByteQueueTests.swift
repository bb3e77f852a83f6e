import Runtime
import Testing

@Suite("Bounded byte queue")
struct BoundedByteQueueTests {
    @Test("chunks past the bound are dropped and counted; close drains what is queued")
    func dropping() {
        let queue = BoundedByteQueue(bytesMax: 10)
        #expect(queue.push([1, 2, 3, 4]))
        #expect(queue.push([5, 6, 7, 8, 9, 10]))
        #expect(!queue.push([11]))
        #expect(queue.droppedBytes == 1)
        #expect(queue.pop() == [1, 2, 3, 4])
        #expect(queue.push([12, 13, 14]))
        queue.close()
        #expect(!queue.push([15, 16]))
        #expect(queue.pop() == [5, 6, 7, 8, 9, 10])
        #expect(queue.pop() == [12, 13, 14])
        #expect(queue.pop() == nil)
        #expect(queue.droppedBytes == 3)
        #expect(queue.queuedBytesHighWater == 10)
    }
}
