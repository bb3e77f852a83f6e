import Runtime
import Testing

@Suite("Environment policy and executable lookup")
struct EnvironmentPolicyTests {
    static let parent = [
        "PATH": "/usr/bin:/bin", "HOME": "/root", "LC_ALL": "C.UTF-8", "LANG": "C",
        "AWS_SECRET_ACCESS_KEY": "s3cr3t", "SSH_AUTH_SOCK": "/tmp/agent", "LCX": "no",
    ]

    @Test("only allowlisted names and prefixes pass, configured variables win, entries are sorted")
    func allowlist() {
        var policy = EnvironmentPolicy.default
        policy.variables = ["LANG": "en_US.UTF-8", "ENGINE_MODEL": "tiny"]
        #expect(policy.entries(parent: Self.parent) == [
            "ENGINE_MODEL=tiny", "HOME=/root", "LANG=en_US.UTF-8", "LC_ALL=C.UTF-8", "PATH=/usr/bin:/bin",
        ])
    }

    @Test("bare names are found in PATH's absolute entries only")
    func lookup() throws {
        #expect(try ExecutableLookup.resolve("sh", path: "relative:/nonexistent::/bin", workingDirectory: nil).get() == "/bin/sh")
        #expect(try ExecutableLookup.resolve("/bin/sh", path: "", workingDirectory: nil).get() == "/bin/sh")
        #expect(try ExecutableLookup.resolve("./sh", path: nil, workingDirectory: "/bin").get() == "/bin/./sh")
    }

    @Test("lookup failures are coded", arguments: [
        ("sh", "relative-only", SpawnError.Code.executableNotFound),
        ("no-such-binary-here", "/bin:/usr/bin", .executableNotFound),
        ("bin", "/", .executableNotFound),
        ("passwd", "/etc", .permissionDenied),
    ])
    func lookupFailures(name: String, path: String, code: SpawnError.Code) {
        #expect {
            try ExecutableLookup.resolve(name, path: path, workingDirectory: nil).get()
        } throws: { error in
            (error as? SpawnError)?.code == code
        }
    }
}
