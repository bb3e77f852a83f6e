import CommandLineSupport
import Foundation

let output = StandardOutput()
exit(output.exitCode(LsconformCommand.run(Array(CommandLine.arguments.dropFirst()), output: output), tool: "lsconform"))
