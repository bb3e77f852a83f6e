import CommandLineSupport

/// The `lingosub` tool: transcription on real engines plus result tools (WER, merge, subtitles).
public enum Lingosub {
    /// Every subcommand, in the order `--help` lists them.
    public static var subcommands: [any Subcommand.Type] { [
        TranscribeCommand.self, EnginesCommand.self,
        WerCommand.self, MergeCommand.self, CompareCommand.self,
        SubtitlesCommand.self, LintCommand.self,
    ] }

    /// Runs `lingosub` with `arguments` (without the program name); returns the exit code.
    public static func main(_ arguments: [String], output: any CommandOutput) -> Int32 {
        dispatch(tool: "lingosub", arguments: arguments, subcommands: subcommands, output: output)
    }
}
