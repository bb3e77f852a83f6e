import CommandLineSupport
import LingosubCLI

#if canImport(Glibc)
import Glibc
#endif

let output = StandardOutput()
exit(output.exitCode(Lingosub.main(Array(CommandLine.arguments.dropFirst()), output: output), tool: "lingosub"))
