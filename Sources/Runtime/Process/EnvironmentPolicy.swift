/// Which variables a child's environment gets: an allowlist from our own environment plus
/// configured variables (which win). Nothing else leaks through.
package struct EnvironmentPolicy: Sendable, Equatable {
    /// Names copied from the parent when present.
    package var inheritedNames: [String] = [
        "CUDA_VISIBLE_DEVICES", "HF_HOME", "HOME", "LANG", "LANGUAGE", "LD_LIBRARY_PATH", "LOGNAME",
        "PATH", "PYTHONHOME", "PYTHONPATH", "TMPDIR", "TZ", "USER", "VIRTUAL_ENV", "XDG_CACHE_HOME",
    ]
    /// Name prefixes copied from the parent (`LC_ALL`, `LC_CTYPE`, …).
    package var inheritedPrefixes: [String] = ["LC_"]
    /// Set for the child, overriding inherited values.
    package var variables: [String: String] = [:]

    package init() {}

    package static let `default` = EnvironmentPolicy()

    /// The child's variables, given the parent's.
    package func resolve(parent: [String: String]) -> [String: String] {
        var result: [String: String] = [:]
        for (name, value) in parent where isInherited(name) {
            result[name] = value
        }
        for (name, value) in variables {
            result[name] = value
        }
        return result
    }

    /// `NAME=value` entries sorted by name, as `envp` wants them.
    package func entries(parent: [String: String]) -> [String] {
        resolve(parent: parent).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
    }

    private func isInherited(_ name: String) -> Bool {
        if inheritedNames.contains(name) { return true }
        return inheritedPrefixes.contains { name.hasPrefix($0) }
    }
}
