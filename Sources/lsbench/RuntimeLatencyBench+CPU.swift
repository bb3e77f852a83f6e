import Foundation
import Runtime

/// CPU time per round trip of each party (the driver thread, the client thread, lsref), read from
/// Linux's schedstat (its first field: nanoseconds run on a CPU). On a machine where all of them
/// share one core, a round trip takes about what they use together, so these figures show what
/// the runtime and coordinator cost beside lsref, with far less noise than the latencies.
extension RuntimeLatencyBench {
    /// CPU nanoseconds used so far by the parties of one path.
    struct CPUReading {
        var driverNs: UInt64 = 0
        var clientNs: UInt64 = 0
        var engineNs: UInt64 = 0

        /// The parties' use now: `driverThread` of this process (nil: none), the calling thread,
        /// and every thread of `engine` (nil: none).
        static func now(driverThread: Int32?, engine: Int32?) -> CPUReading {
            CPUReading(
                driverNs: driverThread.map { schedstatNs("/proc/self/task/\($0)/schedstat") } ?? 0,
                clientNs: schedstatNs("/proc/thread-self/schedstat"),
                engineNs: engine.map(processNs) ?? 0)
        }

        /// The calling thread's id (`/proc/thread-self` links to `<pid>/task/<tid>`).
        static func currentThreadID() -> Int32? {
            let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/thread-self")
            return link?.split(separator: "/").last.flatMap { Int32($0) }
        }

        /// Nanoseconds on a CPU, from a schedstat file (0 when unreadable: the thread is gone).
        static func schedstatNs(_ path: String) -> UInt64 {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return 0 }
            return text.split(separator: " ").first.flatMap { UInt64($0) } ?? 0
        }

        /// Nanoseconds on a CPU of every thread of `pid`.
        static func processNs(_ pid: Int32) -> UInt64 {
            let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
            var total: UInt64 = 0
            for task in tasks { total += schedstatNs("/proc/\(pid)/task/\(task)/schedstat") }
            return total
        }
    }

    /// CPU used over some round trips, summed over the rounds.
    struct CPUUse {
        var driverNs: UInt64 = 0
        var clientNs: UInt64 = 0
        var engineNs: UInt64 = 0
        var roundTrips = 0

        mutating func add(_ other: CPUUse) {
            driverNs += other.driverNs
            clientNs += other.clientNs
            engineNs += other.engineNs
            roundTrips += other.roundTrips
        }

        mutating func add(from start: CPUReading, to end: CPUReading, roundTrips count: Int) {
            driverNs += end.driverNs &- start.driverNs
            clientNs += end.clientNs &- start.clientNs
            engineNs += end.engineNs &- start.engineNs
            roundTrips += count
        }

        /// "driver X µs, client Y µs, lsref Z µs" per round trip (parties without a reading left out).
        func perRoundTrip(format: (Double) -> String) -> String {
            let count = Double(max(roundTrips, 1))
            let parts = [("driver thread", driverNs), ("client thread", clientNs), ("lsref", engineNs)]
            return parts.filter { $0.1 > 0 }
                .map { "\($0.0) \(format(Double($0.1) / 1_000 / count)) µs" }
                .joined(separator: ", ")
        }
    }

    /// The pid of lsref under `driver`, while it runs.
    static func enginePID(_ driver: RuntimeDriver) -> Int32? {
        guard case .running(let pid, _, _)? = driver.engineState(RuntimeBenchFixture.engine) else { return nil }
        return Int32(pid.value)
    }
}
