import Core

/// Runs a crash/restart soak on the real driver (see `CrashSoakConfiguration`). Lives in Runtime so
/// that `lsbench` and the tests share it; it measures, the core decides everything.
package enum CrashSoak {
    package static func run(_ configuration: CrashSoakConfiguration) -> CrashSoakReport {
        var report = CrashSoakReport()
        report.descriptorsBefore = ProcessInspection.openDescriptorCount()
        let tally = CrashSoakTally()
        let driver = RuntimeDriver(configuration: driverConfiguration(configuration), eventHandler: tally.record)
        let clock = driver.loop.clock
        let deadlineMs = clock.nowMs() + UInt64(configuration.timeoutMs)
        driver.start()
        _ = driver.send(.startAllEngines, timeoutMs: configuration.timeoutMs)
        var tasks: [TaskID] = []
        let startMs = clock.nowMs()
        while tally.crashes < configuration.cycles && clock.nowMs() < deadlineMs {
            while tally.unfinished(tasks) < configuration.tasksInFlight {
                guard let task = submit(configuration.audioPath, to: driver) else { break }
                tasks.append(task)
            }
            tally.waitForChange(timeoutMs: Int(clamping: deadlineMs - min(deadlineMs, clock.nowMs())))
        }
        report.cycles = tally.crashes
        report.elapsedMs = clock.nowMs() - startMs
        while tally.unfinished(tasks) > 0 && clock.nowMs() < deadlineMs {
            tally.waitForChange(timeoutMs: Int(clamping: deadlineMs - min(deadlineMs, clock.nowMs())))
        }
        report.finished = tally.crashes >= configuration.cycles && tally.unfinished(tasks) == 0
        driver.requestShutdown()
        report.finished = driver.waitUntilFinished(timeoutMs: configuration.timeoutMs) && report.finished
        report.tasksSubmitted = tasks.count
        report.tasksLost = tally.unfinished(tasks)
        report.tasksDuplicated = tally.duplicated(tasks)
        report.zombies = ProcessInspection.zombieChildren(among: tally.readyPids).count
        report.descriptorsAfter = ProcessInspection.openDescriptorCount()
        return report
    }

    private static func submit(_ audioPath: String, to driver: RuntimeDriver) -> TaskID? {
        guard case .submitted(let task, _)? = driver.send(.submit(TaskSpec(audioPath: audioPath)), timeoutMs: 30_000)
        else { return nil }
        return task
    }

    private static func driverConfiguration(_ configuration: CrashSoakConfiguration) -> RuntimeDriverConfiguration {
        var engine = EngineConfiguration(id: "soak", spawn: configuration.engine)
        engine.restart.backoff = .exponential(initialMs: 0, multiplier: 1, capMs: 0)
        engine.restart.restartsMax = nil
        engine.restart.stableResetMs = nil
        // A restarted engine may answer its first probe with `loading`: probe again soon.
        engine.health.loadingProbeIntervalMs = 5
        return RuntimeDriverConfiguration(coordinator: CoordinatorConfiguration(engines: [engine]))
    }
}
