import Dispatch
import Foundation
import Synchronization
import Wire

/// Runs a sidecar engine on stdin/stdout until `stop`, end of input or SIGTERM; never returns.
///
/// Loads `EngineConfig` (defaults < `--config PATH` / `LINGOSUB_CONFIG` < `LINGOSUB_*`), makes the
/// engine, and serves the protocol. A config error or a throwing `makeEngine` exits with status 1
/// and a JSON log line on stderr.
///
///     @main struct Main { static func main() { runSidecar { config in MyEngine(config) } } }
public func runSidecar(
    arguments: [String] = CommandLine.arguments,
    environment: [String: String] = ProcessInfo.processInfo.environment,
    makeEngine: @Sendable (EngineConfig) throws -> any SpeechEngine
) -> Never {
    runSidecar(arguments: arguments, environment: environment, options: SidecarOptions()) { config, _ in
        try makeEngine(config)
    }
}

/// `runSidecar` with the reference engine's fault options and a control handle.
package func runSidecar(
    arguments: [String], environment: [String: String], options: SidecarOptions,
    makeEngine: @Sendable (EngineConfig, SidecarControl) throws -> any SpeechEngine
) -> Never {
    PosixStreams.catchTerminate()
    let outputFD = PosixStreams.takeStandardOutput()
    let bootLogger = SidecarLogger(name: options.loggerName, levelMin: .info)
    var loader = EngineConfigLoader(arguments: arguments, environment: environment) { path in
        try Array(Data(contentsOf: URL(fileURLWithPath: path)))
    }
    loader.defaults = options.configDefaults
    var config: EngineConfig
    do throws(ConfigError) {
        config = try loader.load()
    } catch {
        bootLogger.log(.error, "invalid configuration", extra: [
            "key": .string(error.key), "source": .string(error.source), "reason": .string(error.reason),
            "code": .string(error.code.id),
        ])
        PosixStreams.exitProcess(1)
    }
    if let maxConcurrent = options.maxConcurrentRequestsOverride { config.maxConcurrentRequests = maxConcurrent }
    let logger = SidecarLogger(name: options.loggerName, levelMin: config.logLevel)
    let server = ServerBox()
    let engine: any SpeechEngine
    do {
        engine = try makeEngine(config, SidecarControl(
            injectOutput: { bytes in server.value?.control.injectOutput(bytes) },
            injectOversizedLine: { server.value?.control.injectOversizedLine() },
            freeze: { server.value?.control.freeze() },
            crash: { code in
                server.value?.control.crash(code)
                PosixStreams.exitNow(code)
            }))
    } catch {
        logger.log(.error, "the engine could not be created", extra: ["reason": .string("\(error)")])
        PosixStreams.exitProcess(1)
    }
    let sidecar = SidecarServer(engine: engine, config: config, options: options, output: .descriptor(outputFD), logger: logger)
    server.set(sidecar)
    sidecar.serve()
}

extension SidecarServer {
    /// Most bytes taken from stdin by one read(2).
    static let readBytesMax = 65_536
    /// After SIGTERM or end of input the process ends by this time even when a stdout write blocks.
    static let terminateExitMsMax = 4_000

    /// Ends the process with `code` after `terminateExitMsMax`. The exit the session asks for on
    /// SIGTERM or end of input queues behind stdout writes, and one blocked on a coordinator that no
    /// longer reads must not keep the process alive past the SPEC's 5 s (5.6, 5.7).
    private func exitAnyway(_ code: Int32) {
        Thread {
            Thread.sleep(forTimeInterval: Double(Self.terminateExitMsMax) / 1_000)
            PosixStreams.exitNow(code)
        }.start()
    }

    /// Starts the reader thread and the SIGTERM source, then parks the main thread.
    func serve() -> Never {
        if options.startupDelayMs > 0 { Thread.sleep(forTimeInterval: Double(options.startupDelayMs) / 1_000) }
        if !options.banner.isEmpty { _ = output.write(options.banner) }
        logger.log(.info, "ready", extra: ["engine": .string(engine.descriptor.name)])
        let terminate = Thread { [self] in
            while true {
                PosixStreams.waitForTerminate()
                if options.ignoreTerminate {
                    logger.log(.warning, "ignoring SIGTERM (fault injection)")
                    continue
                }
                // A frozen (hung) engine dies the way a real hung process does on SIGTERM.
                if state.withLock({ $0.frozen }) { PosixStreams.exitNow(143) }
                exitAnyway(143)
                submit(mayWait: false) { session, now in session.terminateSignal(now: now) }
            }
        }
        terminate.start()
        let reader = Thread { [self] in
            var buffer = [UInt8](repeating: 0, count: Self.readBytesMax)
            while true {
                let count = PosixStreams.read(0, into: &buffer)
                guard count > 0 else { break }
                let chunk = Array(buffer[0..<count])
                submit { session, now in session.receive(chunk, now: now) }
            }
            exitAnyway(0)
            submit(mayWait: false) { session, now in session.stdinClosed(now: now) }
        }
        reader.start()
        dispatchMain()
    }
}
