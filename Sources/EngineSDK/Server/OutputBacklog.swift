import Dispatch

/// The stdout bytes `SidecarServer` holds: queued in its outbox, or in the batch being written.
/// A producer may add an event's output only while the backlog is below `bytesMax`; otherwise it
/// waits (the stdin reader then reads no more input: backpressure). The drainer never waits, and
/// nothing is dropped, so the backlog can pass `bytesMax` by the output of the events admitted last
/// (one reply per waiting thread, and what the drainer's own work adds).
package struct OutputBacklog: Sendable {
    /// Bytes in the outbox (not yet taken by the drainer).
    package private(set) var queuedBytes = 0
    /// Bytes of the batch the drainer is writing.
    package private(set) var writingBytes = 0
    /// The largest backlog seen.
    package private(set) var bytesHighWater = 0
    /// Times a producer had to wait for room.
    package private(set) var waits = 0
    /// Producers waiting for room, each woken once the drainer finishes a batch.
    private var waiters: [DispatchSemaphore] = []
    /// A producer waited since the backlog was last empty.
    private var spellFull = false

    package init() {}

    /// Bytes held: queued plus being written.
    package var bytes: Int { queuedBytes + writingBytes }

    /// The bytes of stdout lines in `actions`.
    package static func writeBytes(_ actions: [EngineSession.Action]) -> Int {
        var total = 0
        for action in actions {
            if case .write(let bytes) = action { total += bytes.count }
        }
        return total
    }

    /// True when a producer must wait before adding output.
    package func isFull(bytesMax: Int) -> Bool { bytes >= bytesMax }

    /// Output added to the outbox.
    package mutating func queued(_ count: Int) {
        queuedBytes += count
        bytesHighWater = max(bytesHighWater, bytes)
    }

    /// The drainer took the outbox (`writingBytes` must be 0: one batch at a time).
    package mutating func took() {
        precondition(writingBytes == 0, "a batch taken while \(writingBytes) bytes are still being written")
        writingBytes = queuedBytes
        queuedBytes = 0
    }

    /// The outbox was taken and will not be written by the drainer (a crash writes it directly).
    package mutating func discardedQueue() { queuedBytes = 0 }

    /// The drainer finished its batch; returns the waiters to wake (after the lock is released).
    package mutating func wrote() -> [DispatchSemaphore] {
        writingBytes = 0
        if queuedBytes == 0 { spellFull = false }
        let woken = waiters
        waiters = []
        return woken
    }

    /// Registers a waiting producer; the returned semaphore is signalled when room may have appeared.
    /// The first wait since the backlog was last empty says so (`true`), so the caller logs once per spell.
    package mutating func wait() -> (DispatchSemaphore, firstOfSpell: Bool) {
        let semaphore = DispatchSemaphore(value: 0)
        let first = !spellFull
        spellFull = true
        waiters.append(semaphore)
        waits += 1
        return (semaphore, first)
    }
}
