import Foundation
import ReferenceEngine

ReferenceMain.run(arguments: CommandLine.arguments, environment: ProcessInfo.processInfo.environment)
