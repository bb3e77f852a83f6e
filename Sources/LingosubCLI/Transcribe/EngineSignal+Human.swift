import Core

extension EngineSignal {
    /// One line for people about an engine state change, or nil for changes not worth a line
    /// (health flapping back, the final stop).
    func humanText(engine: EngineID) -> String? {
        switch self {
        case .stage(let stage): "engine \(engine): starting: \(stage.rawValue)"
        case .ready(let pid, _): "engine \(engine): ready (\(pid))"
        case .unhealthy(let failures): "engine \(engine): unhealthy (\(failures) failed health checks)"
        case .crashed(let cause, let status):
            "engine \(engine): crashed: \(cause)" + (status.map { " (\($0))" } ?? "")
        case .restarting(let delayMs, let count):
            "engine \(engine): restart in \(Self.seconds(delayMs)) s (restart \(count))"
        case .failed(let cause): "engine \(engine): failed: \(cause)"
        case .probed(let outcome): "engine \(engine): health check: \(outcome.rawValue)"
        case .healthy, .restartCountReset, .stopping, .stopped: nil
        }
    }

    /// `1`, `0.5`, `2.25`: milliseconds as seconds without trailing zeros.
    static func seconds(_ milliseconds: UInt64) -> String {
        let whole = milliseconds / 1_000
        let fraction = milliseconds % 1_000
        guard fraction != 0 else { return "\(whole)" }
        var digits = String(fraction)
        digits = String(repeating: "0", count: 3 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return "\(whole).\(digits)"
    }
}

extension EngineDiagnostics {
    /// Indented lines for a Failed engine: last exit, restarts, and the stderr tail.
    var humanLines: [String] {
        var lines = ["  cause: \(cause); last exit: \(exitStatus.map(\.description) ?? "none"); restarts: \(restartCount)"]
        if stderrTail.isEmpty {
            lines.append("  stderr: (empty)")
        } else {
            lines.append("  last stderr lines" + (stderrLinesDropped > 0 ? " (\(stderrLinesDropped) earlier dropped):" : ":"))
            lines += stderrTail.suffix(10).map { "    " + $0 }
        }
        return lines
    }
}
