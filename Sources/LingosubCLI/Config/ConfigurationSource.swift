/// Where a setting's value came from, named in configuration errors.
package enum ConfigurationSource: Sendable, Equatable, CustomStringConvertible {
    case `default`
    case file(String)
    case environment(String)
    case flag

    package var description: String {
        switch self {
        case .default: "default"
        case .file(let path): "file:\(path)"
        case .environment(let name): "env:\(name)"
        case .flag: "flag"
        }
    }
}
