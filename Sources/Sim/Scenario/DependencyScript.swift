import Wire

/// How the simulated host answers dependency checks and installs.
package struct DependencyScript: Hashable, Sendable {
    package enum Install: String, Hashable, Sendable { case ok, fail, hang }

    /// Missing until installed.
    package var missing: [String] = []
    package var checkMs: UInt64 = 10
    package var install = Install.ok
    package var installMs: UInt64 = 1_000

    package init() {}

    package init(_ value: JSONValue, path: String) throws(ScenarioError) {
        var reader = try StrictReader(value, path: path)
        missing = try reader.strings("missing")
        checkMs = try reader.unsigned("checkMs") ?? checkMs
        install = try reader.choice("install", [("ok", .ok), ("fail", .fail), ("hang", .hang)]) ?? .ok
        installMs = try reader.unsigned("installMs") ?? installMs
        try reader.finish()
    }
}
