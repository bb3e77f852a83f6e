import CommandLineSupport
import LingosubCLI
import Testing

@Suite("Argument parser")
struct ArgumentParserTests {
    let spec = ArgumentSpec(flags: ["json", "quiet"], options: ["seed"], repeatable: ["engine"], positionalsMax: 2)

    @Test("flags, options, repeatable options, positionals and -- are separated")
    func parsesEverything() throws {
        var spec = spec
        spec.separatesTrailing = true
        let parsed = try spec.parse(["a.wav", "--json", "--seed=7", "--engine", "x=1", "--engine", "y=2", "b.wav", "--", "--seed", "z"])
        #expect(parsed.positionals == ["a.wav", "b.wav"])
        #expect(parsed.has("json"))
        #expect(!parsed.has("quiet"))
        #expect(parsed.value("seed") == "7")
        #expect(parsed.values("engine") == ["x=1", "y=2"])
        #expect(parsed.trailing == ["--seed", "z"])
    }

    @Test("after --, arguments are positionals (a file named --x), counted against the maximum")
    func doubleDashOperands() throws {
        let parsed = try spec.parse(["--json", "a.txt", "--", "--seed"])
        #expect(parsed.positionals == ["a.txt", "--seed"])
        #expect(parsed.trailing == [])
        #expect(parsed.has("json"))
        #expect(throws: UsageError("expected at most 2 argument(s), got 3")) { try spec.parse(["a", "--", "--b", "c"]) }
        let output = BufferedOutput()
        let code = dispatch(tool: "t", arguments: ["echo", "--", "--odd"], subcommands: [EchoCommand.self], output: output)
        #expect(code == 0)
        #expect(output.stdout == "--odd\n")
    }

    @Test("-h is --help (not a positional such as an audio file named -h; that one goes after --)")
    func shortHelp() throws {
        let parsed = try spec.parse(["-h"])
        #expect(parsed.has("help"))
        #expect(parsed.positionals.isEmpty)
        #expect(try spec.parse(["--", "-h"]).positionals == ["-h"])
        let output = BufferedOutput()
        #expect(Lingosub.main(["wer", "-h"], output: output) == 0)
        #expect(output.stdout.hasPrefix("usage: lingosub wer REF HYP"))
    }

    @Test("mistakes are usage errors that name the option", arguments: [
        (["--nope"], "unknown option --nope"),
        (["--seed"], "--seed needs a value"),
        (["--seed", "1", "--seed", "2"], "--seed given more than once"),
        (["--json=yes"], "--json takes no value"),
        (["a", "b", "c"], "expected at most 2 argument(s), got 3"),
    ])
    func usageErrors(arguments: [String], message: String) {
        #expect(throws: UsageError(message)) { try spec.parse(arguments) }
    }

    @Test("integer options are range-checked")
    func integerBounds() throws {
        let parsed = try spec.parse(["--seed", "500"])
        #expect(try parsed.int("seed", default: 1, range: 0...1000) == 500)
        #expect(throws: UsageError("--seed expects an integer in 0...10, got '500'")) {
            try parsed.int("seed", default: 1, range: 0...10)
        }
        #expect(try ParsedArguments().int("seed", default: 3, range: 0...10) == 3)
    }

    @Test("dispatch: no command is a usage error (help on stderr, exit 2); --help is help (stdout, exit 0)")
    func dispatchNoCommand() {
        let missing = BufferedOutput()
        #expect(dispatch(tool: "t", arguments: [], subcommands: [EchoCommand.self], output: missing) == 2)
        #expect(missing.stdout == "")
        #expect(missing.stderr == "usage: t <command> [options]\n\ncommands:\n  echo  print the positionals\n")
        let help = BufferedOutput()
        #expect(dispatch(tool: "t", arguments: ["--help"], subcommands: [EchoCommand.self], output: help) == 0)
        #expect(help.stdout == missing.stderr)
        #expect(help.stderr == "")
    }

    @Test("dispatch: unknown command is exit 2 with help on stderr")
    func dispatchUnknown() {
        let output = BufferedOutput()
        let code = dispatch(tool: "t", arguments: ["zap"], subcommands: [], output: output)
        #expect(code == 2)
        #expect(output.stderr.hasPrefix("t: unknown command 'zap'\nusage: t <command>"))
    }
}

/// Prints its positionals, one per line.
enum EchoCommand: Subcommand {
    static let name = "echo"
    static let summary = "print the positionals"
    static func run(_ arguments: [String], output: any CommandOutput) -> Int32 {
        do {
            for positional in try ArgumentSpec().parse(arguments).positionals { output.out(positional + "\n") }
            return 0
        } catch {
            return 2
        }
    }
}
