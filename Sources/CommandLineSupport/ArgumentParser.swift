/// A small, strict command-line parser: `--flag`, `--option VALUE`, `--option=VALUE`, repeatable options,
/// positionals, and `--` ending options (what follows is positional, or `trailing` for a spec that
/// `separatesTrailing`). Unknown options are usage errors (exit code 2 by convention).
public struct ParsedArguments: Sendable, Equatable {
    public var flags: Set<String> = []
    public var options: [String: [String]] = [:]
    public var positionals: [String] = []
    /// Everything after a literal `--`, untouched, when the spec `separatesTrailing` (else those
    /// arguments are positionals).
    public var trailing: [String] = []

    public init() {}

    public func has(_ flag: String) -> Bool { flags.contains(flag) }
    /// The last value given for an option.
    public func value(_ option: String) -> String? { options[option]?.last }
    /// Every value given for a repeatable option, in order.
    public func values(_ option: String) -> [String] { options[option] ?? [] }

    /// The option parsed as an integer within bounds, or a usage error naming the option.
    public func int(_ option: String, default fallback: Int, range: ClosedRange<Int>) throws(UsageError) -> Int {
        guard let text = value(option) else { return fallback }
        guard let number = Int(text), range.contains(number) else {
            throw UsageError("--\(option) expects an integer in \(range.lowerBound)...\(range.upperBound), got '\(text)'")
        }
        return number
    }

    /// The option parsed as a Double within bounds, or a usage error naming the option.
    public func double(_ option: String, default fallback: Double, range: ClosedRange<Double>) throws(UsageError) -> Double {
        guard let text = value(option) else { return fallback }
        guard let number = Double(text), number.isFinite, range.contains(number) else {
            throw UsageError("--\(option) expects a number in \(range.lowerBound)...\(range.upperBound), got '\(text)'")
        }
        return number
    }
}

/// A command-line mistake: printed with the command's usage, exit code 2.
public struct UsageError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Declares which options a command accepts.
public struct ArgumentSpec: Sendable {
    /// Options without a value (`--quiet`).
    public var flags: Set<String>
    /// Options that take a value (`--seed 7`).
    public var options: Set<String>
    /// Options that may repeat (subset of `options`).
    public var repeatable: Set<String>
    /// Most positionals accepted (nil: unbounded), counting those after `--`.
    public var positionalsMax: Int?
    /// Keep the arguments after `--` apart in `trailing` (a command line to run, as `lsconform -- ENGINE…`)
    /// instead of taking them as positionals (`lingosub wer -- --odd-name.txt b.txt`).
    public var separatesTrailing: Bool

    public init(
        flags: Set<String> = [], options: Set<String> = [], repeatable: Set<String> = [], positionalsMax: Int? = nil,
        separatesTrailing: Bool = false
    ) {
        self.flags = flags.union(["help"])
        self.options = options.union(repeatable)
        self.repeatable = repeatable
        self.positionalsMax = positionalsMax
        self.separatesTrailing = separatesTrailing
    }

    /// Parses `arguments` (without the program name and subcommand).
    public func parse(_ arguments: [String]) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments()
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--" {
                if separatesTrailing {
                    parsed.trailing = Array(arguments[index...])
                } else {
                    parsed.positionals += arguments[index...]
                }
                break
            }
            if argument == "-h" {  // the usual short form of the `help` flag every spec has
                parsed.flags.insert("help")
                continue
            }
            guard argument.hasPrefix("--"), argument.count > 2 else {
                parsed.positionals.append(argument)
                continue
            }
            var name = String(argument.dropFirst(2))
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            if flags.contains(name) {
                guard inlineValue == nil else { throw UsageError("--\(name) takes no value") }
                parsed.flags.insert(name)
            } else if options.contains(name) {
                let value: String
                if let inlineValue {
                    value = inlineValue
                } else {
                    guard index < arguments.count else { throw UsageError("--\(name) needs a value") }
                    value = arguments[index]
                    index += 1
                }
                if parsed.options[name] != nil, !repeatable.contains(name) {
                    throw UsageError("--\(name) given more than once")
                }
                parsed.options[name, default: []].append(value)
            } else {
                throw UsageError("unknown option --\(name)")
            }
        }
        if let positionalsMax, parsed.positionals.count > positionalsMax {
            throw UsageError("expected at most \(positionalsMax) argument(s), got \(parsed.positionals.count)")
        }
        return parsed
    }
}
