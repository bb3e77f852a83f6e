// swift-tools-version:6.1
// LingoSub sidecar kit. No package dependencies: the toolchain only.
//
// Data flow (read top to bottom):
//   Wire           JSON, JSON-RPC 2.0, NDJSON framing, transcript model (pure)
//   Audio          16-bit PCM WAV codec, burst detection, tone speech samples (pure)
//   EngineSDK      engine side: pure session machine + thin stdio loop
//   ReferenceEngine  lsref's scriptable engine logic, built on EngineSDK
//   Core           coordinator: supervisor, scheduler, event log (pure state machines)
//   Sim            deterministic simulator driving Core (virtual clock, fake processes)
//   Runtime        real driver of Core (posix_spawn, pipes, signals, real clock)
//   CLinuxEpoll    the epoll(7) calls Runtime's driver loop waits with (C: Glibc lacks them)
//   Conformance    lsconform's cases against the SPEC
//   Aggregation    WER/CER, alignment, BLEU, ROVER, engine comparison (pure)
//   Subtitles      cue segmentation, SRT/WebVTT read/write, lint (pure)
//   CommandLineSupport  our small argument parser
//   LingosubCLI    lingosub's subcommands (thin executables call into it)
import PackageDescription

let package = Package(
    name: "LingoSub",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "EngineSDK", targets: ["EngineSDK"]),
        .executable(name: "lingosub", targets: ["lingosub"]),
        .executable(name: "lsref", targets: ["lsref"]),
        .executable(name: "lsconform", targets: ["lsconform"]),
        .executable(name: "lssim", targets: ["lssim"]),
        .executable(name: "lsbench", targets: ["lsbench"]),
    ],
    targets: [
        .target(name: "Wire"),
        .target(name: "Audio"),
        .target(name: "EngineSDK", dependencies: ["Wire", "Audio"]),
        .target(name: "ReferenceEngine", dependencies: ["EngineSDK", "Wire", "Audio"]),
        .target(name: "Core", dependencies: ["Wire"]),
        .target(name: "Sim", dependencies: [
            "Core", "Wire", "Audio", "EngineSDK", "ReferenceEngine", "CommandLineSupport",
        ]),
        .target(name: "CLinuxEpoll"),
        .target(name: "Runtime", dependencies: ["Core", "Wire", "CLinuxEpoll"]),
        .target(name: "Conformance", dependencies: ["Wire", "Audio"]),
        .target(name: "Aggregation", dependencies: ["Wire"]),
        .target(name: "Subtitles", dependencies: ["Wire"]),
        .target(name: "CommandLineSupport"),
        .target(name: "LingosubCLI", dependencies: [
            "Wire", "Audio", "Core", "Runtime", "Aggregation", "Subtitles", "CommandLineSupport",
        ]),

        .executableTarget(name: "lingosub", dependencies: ["LingosubCLI"]),
        .executableTarget(name: "lsref", dependencies: ["ReferenceEngine", "EngineSDK"]),
        .executableTarget(name: "lsconform", dependencies: ["Conformance", "CommandLineSupport"]),
        .executableTarget(name: "lssim", dependencies: ["Sim", "CommandLineSupport"]),
        .executableTarget(name: "lsbench", dependencies: [
            "Wire", "Core", "Sim", "Aggregation", "Runtime", "CommandLineSupport",
        ]),

        .testTarget(name: "WireTests", dependencies: ["Wire"]),
        .testTarget(name: "AudioTests", dependencies: ["Audio"]),
        .testTarget(name: "EngineSDKTests", dependencies: ["EngineSDK", "ReferenceEngine", "Wire"]),
        .testTarget(name: "CoreTests", dependencies: ["Core", "Wire"]),
        .testTarget(name: "SimTests", dependencies: ["Sim", "Core", "Wire", "CommandLineSupport"]),
        .testTarget(name: "RuntimeTests", dependencies: ["Runtime", "Core", "Sim", "Wire"]),
        .testTarget(name: "ConformanceTests", dependencies: ["Conformance", "Wire"]),
        .testTarget(name: "AggregationTests", dependencies: ["Aggregation", "Wire"]),
        .testTarget(name: "SubtitlesTests", dependencies: ["Subtitles", "Wire"]),
        .testTarget(name: "CLITests", dependencies: ["LingosubCLI", "CommandLineSupport"]),
    ],
    swiftLanguageModes: [.v6]
)

// Same strict settings on every target.
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]
for target in package.targets {
    target.swiftSettings = (target.swiftSettings ?? []) + strict
}
