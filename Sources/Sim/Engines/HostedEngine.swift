import Core

/// A real SDK engine session hosted under the virtual clock (filled in when EngineSDK lands).
package struct HostedEngine: Sendable {
    package init(setup: EngineSetup, now: UInt64) {}

    package mutating func start(now: UInt64) -> [EngineEffect] { [] }
    package mutating func stdin(_ bytes: [UInt8], now: UInt64) -> [EngineEffect] { [] }
    package mutating func signal(_ signal: ProcessSignal, now: UInt64) -> [EngineEffect] {
        [.exit(.signaled(signal: signal.number))]
    }
    package mutating func step(_ step: EngineStep, now: UInt64) -> [EngineEffect] { [] }
}
