/// Where a command writes: real stdout/stderr in the executables, buffers in tests.
public protocol CommandOutput: AnyObject {
    func out(_ text: String)
    func err(_ text: String)
}

/// Collects a command's output in memory, for tests.
public final class BufferedOutput: CommandOutput {
    public private(set) var stdout = ""
    public private(set) var stderr = ""
    public init() {}
    public func out(_ text: String) { stdout += text }
    public func err(_ text: String) { stderr += text }
}

/// A subcommand of a multi-command tool (`lingosub wer …`).
public protocol Subcommand {
    /// The word that selects it (`wer`).
    static var name: String { get }
    /// One line for the tool's help.
    static var summary: String { get }
    /// Runs with the arguments after the subcommand name; returns the process exit code.
    static func run(_ arguments: [String], output: any CommandOutput) -> Int32
}

/// Dispatches `tool SUBCOMMAND args…` to one of `subcommands`, with `--help` and usage errors (exit 2).
public func dispatch(
    tool: String, arguments: [String], subcommands: [any Subcommand.Type], output: any CommandOutput
) -> Int32 {
    func help() -> String {
        var width = 0
        for command in subcommands { width = max(width, command.name.count) }
        var lines: [String] = []
        for command in subcommands { lines.append("  " + command.name.padding(toLength: width + 2) + command.summary) }
        return "usage: \(tool) <command> [options]\n\ncommands:\n" + lines.joined(separator: "\n") + "\n"
    }
    guard let first = arguments.first else {
        output.err(help())  // a usage error: stderr, exit 2
        return 2
    }
    guard first != "--help", first != "-h", first != "help" else {
        output.out(help())
        return 0
    }
    for command in subcommands where command.name == first {
        return command.run(Array(arguments.dropFirst()), output: output)
    }
    output.err("\(tool): unknown command '\(first)'\n" + help())
    return 2
}

extension String {
    /// Pads with spaces on the right to `length` characters (no truncation).
    package func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}
