import EngineSDK
import Testing
import Wire

@Suite("Config: defaults < file < LINGOSUB_* environment, validated, errors name key and source")
struct EngineConfigLoaderTests {
    struct MissingFile: Error {}

    static func loader(_ arguments: [String] = [], _ environment: [String: String] = [:], file: String? = nil) -> EngineConfigLoader {
        EngineConfigLoader(arguments: arguments, environment: environment) { _ in
            guard let file else { throw MissingFile() }
            return Array(file.utf8)
        }
    }

    @Test("defaults alone")
    func defaults() throws {
        #expect(try Self.loader().load() == EngineConfig.default)
    }

    @Test("the environment wins over the file, which wins over the defaults")
    func precedence() throws {
        let file = #"{"maxConcurrentRequests":3,"logLevel":"debug","settings":{"model":"small","beam":4}}"#
        let config = try Self.loader(["--config", "/etc/e.json"], ["LINGOSUB_MAX_CONCURRENT_REQUESTS": "5",
                                                                  "LINGOSUB_SETTINGS__MODEL": "large", "HOME": "/root"], file: file).load()
        #expect(config.maxConcurrentRequests == 5)
        #expect(config.logLevel == .debug)
        #expect(config.settings == ["beam": 4, "model": "large"])
        #expect(config.maxMessageBytes == 8_388_608)
    }

    @Test("LINGOSUB_CONFIG names the file when --config is absent; --config=PATH works too")
    func fileSources() throws {
        let file = #"{"healthTimeoutMs":250}"#
        #expect(try Self.loader([], ["LINGOSUB_CONFIG": "/x.json"], file: file).load().healthTimeoutMs == 250)
        #expect(try Self.loader(["--config=/x.json"], [:], file: file).load().healthTimeoutMs == 250)
    }

    @Test("environment names map to nested camelCase keys")
    func keyPaths() {
        #expect(EngineConfigLoader.keyPath(environmentName: "LINGOSUB_MAX_MESSAGE_BYTES") == ["maxMessageBytes"])
        #expect(EngineConfigLoader.keyPath(environmentName: "LINGOSUB_SETTINGS__MODEL_PATH") == ["settings", "modelPath"])
    }

    @Test("bad values name the key and where they came from", arguments: [
        (["LINGOSUB_MAX_CONCURRENT_REQUESTS": "0"] as [String: String], nil as String?, "maxConcurrentRequests", "env:LINGOSUB_MAX_CONCURRENT_REQUESTS", ConfigError.Code.invalidValue),
        (["LINGOSUB_LOG_LEVEL": "loud"], nil, "logLevel", "env:LINGOSUB_LOG_LEVEL", .invalidValue),
        (["LINGOSUB_CONFIG": "/c.json"], #"{"maxMessageBytes":1024}"#, "maxMessageBytes", "file:/c.json", .invalidValue),
        (["LINGOSUB_CONFIG": "/c.json"], #"{"colour":"red"}"#, "colour", "file:/c.json", .unknownKey),
        (["LINGOSUB_CONFIG": "/c.json"], #"[1]"#, "/c.json", "file:/c.json", .invalidFile),
        (["LINGOSUB_CONFIG": "/c.json"], nil, "/c.json", "file:/c.json", .unreadableFile),
    ])
    func errors(environment: [String: String], file: String?, key: String, source: String, code: ConfigError.Code) {
        #expect {
            try Self.loader([], environment, file: file).load()
        } throws: { error in
            guard let error = error as? ConfigError else { return false }
            return error.key == key && error.source == source && error.code == code
        }
    }
}
