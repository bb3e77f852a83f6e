extension DriverLoop {
    /// The first item to hand out now, if any (see the type's documentation for the order).
    func nextArrived(nowNs: UInt64) -> Item? {
        let head = inbox.head()
        if head.stopped { return .stopped }
        if readyHead == ready.count, head.postedNs != nil,
            lastPollNs.map({ nowNs &- $0 >= Self.refreshIntervalNs }) ?? true
        {
            poll(timeoutMs: 0)
        }
        let readyNs = readyHead < ready.count ? ready[readyHead].seenNs : nil
        let arrivedNs: UInt64? = switch (head.postedNs, readyNs) {
        case (let posted?, let seen?): min(posted, seen)
        case (let posted?, nil): posted
        case (nil, let seen?): seen
        case (nil, nil): nil
        }
        if let (key, timer) = earliestTimer(), timer.deadlineMs <= nowNs / 1_000_000,
            arrivedNs.map({ timer.deadlineMs <= $0 / 1_000_000 }) ?? true
        {
            timers.removeValue(forKey: key)
            timerQueue.pop()
            liveSequence = nil
            return .timer(key)
        }
        if readyNs != nil {
            let fd = ready[readyHead].fd
            readyHead += 1
            if readyHead == ready.count {
                ready.removeAll(keepingCapacity: true)
                readyHead = 0
            }
            return .readable(fd)
        }
        return inbox.take().map { .event($0) }
    }

    /// Polls the watched descriptors and the wake pipe until one is ready or the next deadline.
    func waitForArrival(nowNs: UInt64) {
        var timeoutMs: Int32 = -1
        if let (_, timer) = earliestTimer() {
            let deadlineNs = timer.deadlineMs.multipliedReportingOverflow(by: 1_000_000)
            let leftNs = deadlineNs.overflow ? UInt64.max : deadlineNs.partialValue &- min(deadlineNs.partialValue, nowNs)
            // Rounded up, so the wait never ends before the deadline.
            let leftMs = leftNs / 1_000_000 + (leftNs % 1_000_000 == 0 ? 0 : 1)
            timeoutMs = Int32(min(leftMs, Self.waitMsMax))
        }
        // Something posted since `nextArrived` looked: look again instead of blocking.
        guard inbox.beginWait() else { return }
        poll(timeoutMs: timeoutMs, endingWait: true)
    }

    /// One poll; the descriptors found ready join `ready`, a wake-up is acknowledged. `endingWait`:
    /// the poll began with `inbox.beginWait()`, ended before the acknowledgement (so a post in
    /// between, seen by the loop anyway, writes no second byte).
    private func poll(timeoutMs: Int32, endingWait: Bool = false) {
        polled.removeAll(keepingCapacity: true)
        pollSet.wait(timeoutMs: timeoutMs, into: &polled)
        if endingWait { inbox.endWait() }
        let seenNs = clock.nowNs()
        lastPollNs = seenNs
        for fd in polled {
            if fd == inbox.wakeDescriptor {
                inbox.acknowledgeWake()
            } else {
                ready.append(Ready(fd: fd, seenNs: seenNs))
            }
        }
    }

    /// The armed timer due first (stale heap entries on top are dropped on the way).
    private func earliestTimer() -> (key: DriverTimer, timer: Timer)? {
        while let top = timerQueue.top {
            let timer = Timer(deadlineMs: top.deadlineMs, sequence: top.sequence)
            if top.sequence == liveSequence { return (top.key, timer) }
            if timers[top.key]?.sequence == top.sequence {
                liveSequence = top.sequence
                return (top.key, timer)
            }
            timerQueue.pop()
        }
        return nil
    }
}
