import CommandLineSupport
import Sim

#if canImport(Glibc)
import Glibc
#endif

exit(Lssim.main(Array(CommandLine.arguments.dropFirst()), output: StandardOutput()))
