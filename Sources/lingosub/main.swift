import CommandLineSupport
import LingosubCLI

#if canImport(Glibc)
import Glibc
#endif

exit(Lingosub.main(Array(CommandLine.arguments.dropFirst()), output: StandardOutput()))
