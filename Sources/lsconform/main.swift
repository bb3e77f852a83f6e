import CommandLineSupport
import Foundation

exit(LsconformCommand.run(Array(CommandLine.arguments.dropFirst()), output: StandardOutput()))
