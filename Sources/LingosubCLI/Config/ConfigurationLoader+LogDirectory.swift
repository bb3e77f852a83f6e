import Foundation

extension ConfigurationLoader.Loaded {
    /// Makes `logging.directory` absolute and creates it (the runtime writes `<engine>.log` there);
    /// the error names the key and where the value came from.
    package mutating func prepareLogDirectory(environment: CommandEnvironment) throws(ConfigurationError) {
        guard let directory = configuration.logDirectory else { return }
        let path = environment.absolute(directory)
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw ConfigurationError(
                .invalidValue, key: "logging.directory", source: sources["logging.directory"] ?? .default,
                "cannot create \(path): \(error.localizedDescription)")
        }
        configuration.logDirectory = path
    }
}
