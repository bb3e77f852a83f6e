import EngineSDK
import Foundation

/// lsref's entry point: parses the switches, then serves the protocol until stop, EOF or SIGTERM.
package enum ReferenceMain {
    package static func run(arguments: [String], environment: [String: String]) -> Never {
        let parsed: ReferenceCommandLine.Parsed
        do throws(ReferenceCommandLine.UsageError) {
            parsed = try ReferenceCommandLine.parse(arguments: Array(arguments.dropFirst()), environment: environment)
        } catch {
            FileHandle.standardError.write(Data("lsref: \(error)\n".utf8))
            exit(2)
        }
        guard case .run(let behaviour) = parsed else {
            FileHandle.standardOutput.write(Data(ReferenceCommandLine.helpText.utf8))
            exit(0)
        }
        var options = SidecarOptions()
        options.loggerName = "lsref"
        options.startupDelayMs = behaviour.startupDelayMs
        options.banner = behaviour.banner ? ReferenceBehaviour.bannerLine : []
        options.ignoreTerminate = behaviour.ignoreTerminate
        options.heartbeatIntervalPercent = behaviour.heartbeatPercent
        options.configDefaults.maxConcurrentRequests = 2
        options.configDefaults.maxMessageBytes = 4_194_304
        options.maxConcurrentRequestsOverride = behaviour.maxConcurrentRequests
        runSidecar(arguments: arguments, environment: environment, options: options) { _, control in
            ReferenceSpeechEngine(behaviour: behaviour, control: control)
        }
    }
}
