/// What a crash soak measured. Zero zombies, equal descriptor counts and no lost or duplicated
/// task are the pass conditions.
package struct CrashSoakReport: Sendable, Equatable, CustomStringConvertible {
    /// Crashes observed (each followed by a restart, except possibly the last).
    package var cycles = 0
    package var elapsedMs: UInt64 = 0
    /// Engine processes seen Ready that are still unreaped zombies of this process at the end.
    package var zombies = 0
    package var descriptorsBefore = 0
    package var descriptorsAfter = 0
    package var tasksSubmitted = 0
    /// Tasks with no final event (completed, failed or cancelled) by the end.
    package var tasksLost = 0
    /// Tasks with more than one final event.
    package var tasksDuplicated = 0
    /// False when the run hit its time bound.
    package var finished = false

    package init() {}

    package var cyclesPerSecond: Double {
        elapsedMs == 0 ? 0 : Double(cycles) * 1_000 / Double(elapsedMs)
    }

    package var passed: Bool {
        finished && zombies == 0 && descriptorsBefore == descriptorsAfter && tasksLost == 0 && tasksDuplicated == 0
    }

    package var description: String {
        "cycles \(cycles) in \(elapsedMs) ms (\(Int(cyclesPerSecond))/s), zombies \(zombies), "
            + "fds \(descriptorsBefore) -> \(descriptorsAfter), tasks \(tasksSubmitted) "
            + "(lost \(tasksLost), duplicated \(tasksDuplicated))" + (finished ? "" : ", TIMED OUT")
    }
}
