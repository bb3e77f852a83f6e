import Wire

/// The SDK's configuration. Sources, lowest precedence first: these defaults, a JSON config file
/// (`--config PATH` or `LINGOSUB_CONFIG`), then `LINGOSUB_*` environment variables
/// (`LINGOSUB_MAX_CONCURRENT_REQUESTS=2`, nested keys with `__`: `LINGOSUB_SETTINGS__MODEL_PATH=/m`).
/// See `EngineConfigLoader`.
public struct EngineConfig: Sendable, Hashable {
    /// `capabilities.maxConcurrentRequests` (key `maxConcurrentRequests`, ≥ 1).
    public var maxConcurrentRequests = 1
    /// `limits.maxMessageBytes` (key `maxMessageBytes`, ≥ 65_536).
    public var maxMessageBytes = 8_388_608
    /// Most stdout bytes the SDK holds while the coordinator is not reading (key `outputQueueBytesMax`,
    /// 65_536…17_179_869_184); nil: 4 × the effective `maxMessageBytes`. At the bound the SDK stops
    /// reading stdin and engine threads that report progress or finish wait; nothing is dropped.
    public var outputQueueBytesMax: Int?
    /// Lowest level written to stderr (key `logLevel`: `debug`, `info`, `warning`, `error`).
    public var logLevel = LogLevel.info
    /// How long `health_check` waits for `checkHealth()` (key `healthTimeoutMs`, 1…450).
    public var healthTimeoutMs = 400
    /// Engine-specific settings (key `settings`, an object), e.g. a model path.
    public var settings = JSONObject()
    /// The coordinator's `initialize.params.config`, filled in at the handshake.
    public var client = JSONObject()

    public init() {}

    /// The defaults.
    public static let `default` = EngineConfig()

    /// The keys a config file or the environment may set.
    public static let keys = [
        "maxConcurrentRequests", "maxMessageBytes", "outputQueueBytesMax", "logLevel", "healthTimeoutMs", "settings",
    ]
}
