import Wire

/// When and how fast a crashed engine is restarted. A config struct of `var`s (STYLE rule 10) with
/// three named configurations:
///
/// - `seedDefault`: backoff 1-2-4-8-16 s, at most 5 automatic restarts then Failed (only a manual
///   start/restart leaves Failed), count reset after 60 s of healthy running, restarts on every cause.
/// - `kubernetesCrashLoop`: CrashLoopBackOff, 10 s doubling to a 300 s cap, unlimited, reset after
///   10 min of running.
/// - `systemd(...)`: `RestartSec` growing geometrically over `RestartSteps` to `RestartMaxDelaySec`, failing
///   the unit when more than `StartLimitBurst` starts fall within `StartLimitIntervalSec`; `Restart=on-failure`
///   (no restart after a clean exit) and, as in systemd, no reset after a stable run.
///
/// Jitter adds `below(delay × jitterPermille / 1000 + 1)` ms drawn from the coordinator's seeded generator;
/// it is 0 in all three configurations so their schedules are exact.
package struct RestartPolicy: Hashable, Sendable {
    package var backoff: Backoff = .exponential(initialMs: 1_000, multiplier: 2, capMs: 16_000)
    /// Automatic restarts allowed since the last reset; the next crash goes to Failed. nil: unlimited.
    package var restartsMax: UInt32? = 5
    /// systemd's StartLimitBurst: a start that would make more than this many starts inside
    /// `startLimitIntervalMs` fails the engine instead. nil: no start limit.
    package var startLimitBurst: UInt32?
    package var startLimitIntervalMs: UInt64 = 10_000
    /// Running at least this long (since Ready) before a crash resets the restart count. nil: never.
    package var stableResetMs: UInt64? = 60_000
    /// Extra random delay, in thousandths of the backoff delay (0 = exact schedule).
    package var jitterPermille: UInt32 = 0
    /// Restart after an unrequested exit with status 0 (systemd `on-failure` says no).
    package var restartsOnCleanExit = true
    /// Restart after `initialize` was refused (e.g. -32004, unsupported protocol version): usually
    /// pointless, so the seed default goes straight to Failed.
    package var restartsOnHandshakeFailure = false

    package init() {}

    /// How the delay grows with the restart index (0 for the first restart since a reset).
    package enum Backoff: Hashable, Sendable {
        /// initial × multiplier^index, capped.
        case exponential(initialMs: UInt64, multiplier: UInt64, capMs: UInt64)
        /// systemd: initial × (max/initial)^(index/steps), index ≥ steps gives max; steps 0 gives initial.
        case geometricSteps(initialMs: UInt64, steps: UInt32, maxMs: UInt64)
    }

    package static let seedDefault = RestartPolicy()

    package static let kubernetesCrashLoop: RestartPolicy = {
        var policy = RestartPolicy()
        policy.backoff = .exponential(initialMs: 10_000, multiplier: 2, capMs: 300_000)
        policy.restartsMax = nil
        policy.stableResetMs = 600_000
        return policy
    }()

    /// systemd's defaults: RestartSec=100ms, no steps, StartLimitBurst=5 in StartLimitIntervalSec=10s.
    package static let systemdDefault = systemd()

    package static func systemd(
        restartMs: UInt64 = 100, restartSteps: UInt32 = 0, restartMaxDelayMs: UInt64 = 0,
        startLimitBurst: UInt32 = 5, startLimitIntervalMs: UInt64 = 10_000
    ) -> RestartPolicy {
        var policy = RestartPolicy()
        policy.backoff = .geometricSteps(initialMs: restartMs, steps: restartSteps, maxMs: restartMaxDelayMs)
        policy.restartsMax = nil
        policy.startLimitBurst = startLimitBurst
        policy.startLimitIntervalMs = startLimitIntervalMs
        policy.stableResetMs = nil
        policy.restartsOnCleanExit = false
        return policy
    }
}

extension RestartPolicy {
    /// The delay before restart number `index` (0-based since the last reset), without jitter.
    package func delayMs(restartIndex index: UInt32) -> UInt64 {
        switch backoff {
        case .exponential(let initialMs, let multiplier, let capMs):
            var delay = initialMs
            for _ in 0..<index {
                let (next, overflow) = delay.multipliedReportingOverflow(by: multiplier)
                if overflow || next >= capMs { return capMs }
                delay = next
            }
            return min(delay, capMs)
        case .geometricSteps(let initialMs, let steps, let maxMs):
            return Self.geometricDelayMs(initialMs: initialMs, steps: steps, maxMs: maxMs, index: index)
        }
    }

    /// systemd's `service_restart_usec_next`: r₀·(rₙ/r₀)^(i/n), floored to whole ms. Computed as the
    /// largest x in [r₀, rₙ] with (x/r₀)ⁿ ≤ (rₙ/r₀)ⁱ using only IEEE multiplications and divisions
    /// (correctly rounded everywhere), so every platform gets the same schedule — no `pow`.
    static func geometricDelayMs(initialMs: UInt64, steps: UInt32, maxMs: UInt64, index: UInt32) -> UInt64 {
        if steps == 0 || initialMs == 0 || maxMs <= initialMs || index == 0 { return initialMs }
        if index >= steps { return maxMs }
        let ratio = Double(maxMs) / Double(initialMs)
        let target = power(ratio, index)
        var low = initialMs  // (low/r₀)ⁿ ≤ target holds
        var high = maxMs  // (high/r₀)ⁿ > target holds for index < steps
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if power(Double(middle) / Double(initialMs), steps) <= target { low = middle } else { high = middle }
        }
        return low
    }

    private static func power(_ base: Double, _ exponent: UInt32) -> Double {
        var result = 1.0
        for _ in 0..<exponent { result *= base }
        return result
    }

    /// The delay plus jitter drawn from `generator` (no draw when `jitterPermille` is 0).
    package func delayMs(restartIndex index: UInt32, generator: inout SeededGenerator) -> UInt64 {
        let delay = delayMs(restartIndex: index)
        guard jitterPermille > 0 else { return delay }
        let spread = delay.multipliedReportingOverflow(by: UInt64(jitterPermille)).partialValue / 1_000
        return delay.saturatingAdd(generator.below(spread.saturatingAdd(1)))
    }
}
