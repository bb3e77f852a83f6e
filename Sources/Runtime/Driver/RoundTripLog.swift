import Core
import Dispatch
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Request→reply times the driver measures (from performing `.send` to decoding the response), for
/// the latency benchmark. Off unless `RuntimeDriverConfiguration.roundTripSamplesMax > 0`; bounded.
package final class RoundTripLog: Sendable {
    private struct State {
        var sentAtNs: [RequestID: UInt64] = [:]
        var samplesNs: [UInt64] = []
    }

    /// Requests awaiting a reply that are remembered (older ones are forgotten when exceeded).
    static let pendingMax = 1_024

    package let samplesMax: Int
    private let state = Mutex(State())

    init(samplesMax: Int) {
        self.samplesMax = samplesMax
    }

    func sent(_ id: RequestID) {
        guard samplesMax > 0 else { return }
        let now = MonotonicClock.systemNs()
        state.withLock { state in
            if state.sentAtNs.count >= Self.pendingMax { state.sentAtNs.removeAll() }
            state.sentAtNs[id] = now
        }
    }

    func received(_ id: RequestID) {
        guard samplesMax > 0 else { return }
        let now = MonotonicClock.systemNs()
        state.withLock { state in
            guard let sent = state.sentAtNs.removeValue(forKey: id), state.samplesNs.count < samplesMax else { return }
            state.samplesNs.append(now - sent)
        }
    }

    /// Waits until at least `count` samples exist or `timeoutMs` passes; returns the samples. Looks every
    /// 5 ms rather than being woken per sample, so the waiting thread adds no wake-up to the round trips.
    package func waitForSamples(_ count: Int, timeoutMs: Int) -> [UInt64] {
        let deadline = DispatchTime.now() + .milliseconds(timeoutMs)
        while samples.count < count, DispatchTime.now() < deadline { usleep(5_000) }
        return samples
    }

    package var samples: [UInt64] { state.withLock { $0.samplesNs } }
}
