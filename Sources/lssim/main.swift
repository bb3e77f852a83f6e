import CommandLineSupport
import Sim

#if canImport(Glibc)
import Glibc
#endif

let output = StandardOutput()
exit(output.exitCode(Lssim.main(Array(CommandLine.arguments.dropFirst()), output: output), tool: "lssim"))
