import Foundation
import Runtime

/// Paths and bounds shared by the real-process tests.
enum Fixture {
    /// Every wait in these tests is bounded by this (generous: a loaded 2-core machine).
    static let waitMs = 30_000

    static var childScript: String { ChildScript.path }

    /// The system interpreter when there is one (a pyenv shim would need PYENV_* variables).
    static let python: String = FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")
        ? "/usr/bin/python3" : "python3"

    /// A configuration running `child.py MODE ARGS…`.
    static func child(_ arguments: String...) -> ProcessConfiguration {
        ProcessConfiguration(command: [python, childScript] + arguments)
    }

    /// A fresh empty directory; the caller removes it.
    static func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("lingosub-runtime-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

extension ChildProcess {
    /// Test cleanup: SIGKILL the group unless already gone, and wait for the exit.
    func kill() {
        _ = tearDown([], finalKillWaitMs: Fixture.waitMs)
    }
}
