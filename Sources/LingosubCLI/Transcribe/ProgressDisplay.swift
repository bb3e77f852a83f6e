import CommandLineSupport
import Subtitles

/// Human progress on stderr: on a terminal one bar per file, redrawn in place, with messages
/// printed above the bars; otherwise plain lines at each quarter; nothing when quiet.
package final class ProgressDisplay {
    package enum Mode { case terminal, lines, quiet }

    static let barWidth = 24
    let mode: Mode
    private let output: any CommandOutput
    private let names: [String]
    /// Per file, per engine (in engine order): permille done.
    private var permille: [[UInt32]]
    /// Per file, per engine: the last quarter printed in line mode (-1: none yet).
    private var quarterPrinted: [[Int]]
    private let engines: [String]
    private var linesDrawn = 0
    /// Per file: the latest draft segment's text (terminal mode shows it after the bar).
    private var drafts: [String]
    static let draftCharactersMax = 40
    static let nameCharactersMax = 24
    static let lineCharactersMax = 79

    package init(mode: Mode, output: any CommandOutput, files: [String], engines: [String]) {
        self.mode = mode
        self.output = output
        self.names = files.map { Self.printable(PathName.base($0)) }
        self.engines = engines
        permille = Array(repeating: Array(repeating: 0, count: engines.count), count: files.count)
        quarterPrinted = Array(repeating: Array(repeating: -1, count: engines.count), count: files.count)
        drafts = Array(repeating: "", count: files.count)
    }

    /// A draft segment arrived for `file`: on a terminal, its text follows the bar (the tail, when long).
    package func draft(file: Int, text: String) {
        guard mode == .terminal else { return }
        drafts[file] = Self.tail(Self.printable(text), Self.draftCharactersMax)
        clearBars()
        drawBars()
    }

    /// A line above the bars (engine state changes, failures).
    package func message(_ text: String) {
        guard mode != .quiet else { return }
        if mode == .terminal { clearBars() }
        output.err(text + "\n")
        if mode == .terminal { drawBars() }
    }

    package func update(file: Int, engine: Int, permille value: UInt32) {
        guard mode != .quiet, permille[file][engine] != min(value, 1_000) || linesDrawn == 0 else { return }
        permille[file][engine] = min(value, 1_000)
        switch mode {
        case .terminal:
            clearBars()
            drawBars()
        case .lines:
            let quarter = Int(permille[file][engine]) / 250
            guard quarter > quarterPrinted[file][engine] else { return }
            quarterPrinted[file][engine] = quarter
            output.err("\(names[file]) [\(engines[engine])] \(quarter * 25)%\n")
        case .quiet:
            return
        }
    }

    /// Back to 0 % (the request was queued again after its engine died).
    package func reset(file: Int, engine: Int) {
        permille[file][engine] = 0
        quarterPrinted[file][engine] = -1
        if mode == .terminal {
            clearBars()
            drawBars()
        }
    }

    /// Leaves the last bars on screen.
    func finish() {
        linesDrawn = 0
    }

    private func clearBars() {
        guard linesDrawn > 0 else { return }
        output.err("\u{1B}[\(linesDrawn)A\u{1B}[J")
        linesDrawn = 0
    }

    private func drawBars() {
        var text = ""
        let width = min(names.map(\.count).max() ?? 0, Self.nameCharactersMax)
        for (file, name) in names.enumerated() {
            let done = permille[file].reduce(0) { $0 + Int($1) } / max(permille[file].count, 1)
            let filled = done * Self.barWidth / 1_000
            let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: Self.barWidth - filled)
            let percent = String(done / 10)
            var line = Self.tail(name, Self.nameCharactersMax).padding(toLength: width) + " [" + bar + "] "
                + String(repeating: " ", count: 3 - percent.count) + percent + "%"
            // Lines never wrap (wrapping would break the redraw): the draft gets what is left of 79 columns.
            let room = Self.lineCharactersMax - line.count - 2
            if !drafts[file].isEmpty, room >= 8 { line += "  " + Self.tail(drafts[file], room) }
            text += line + "\n"
        }
        output.err(text)
        linesDrawn = names.count
    }

    /// `text` with control characters and line breaks as single spaces (Subtitles' rule for cue text):
    /// an engine's draft text must not move the cursor (the in-place redraw counts the lines it wrote)
    /// or reach the terminal raw.
    static func printable(_ text: String) -> String { text.withoutControlCharacters() }

    /// The last `count` characters, marked with `…` when cut.
    static func tail(_ text: String, _ count: Int) -> String {
        text.count > count ? "…" + text.suffix(count - 1) : text
    }

}
