import Foundation

/// The built `lsref` as a child process with piped stdin/stdout. A watchdog kills it after
/// `timeLimitSeconds`, so every read and wait is bounded even when the engine misbehaves.
final class LsrefProcess {
    struct NotBuilt: Error, CustomStringConvertible {
        var description: String { "lsref is not built next to the tests; run `swift build --build-tests` first" }
    }

    let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private var buffer: [UInt8] = []

    static func binary() throws -> URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("lsref"),
            Fixtures.packageRoot.appendingPathComponent(".build/debug/lsref"),
        ]
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else { throw NotBuilt() }
        return found
    }

    init(arguments: [String] = [], environment: [String: String] = [:], timeLimitSeconds: Double = 30) throws {
        process.executableURL = try Self.binary()
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("LSREF_") && !$0.key.hasPrefix("LINGOSUB_") }
            .merging(environment) { $1 }
        process.currentDirectoryURL = Fixtures.packageRoot
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let pid = process.processIdentifier
        let child = process
        DispatchQueue.global().asyncAfter(deadline: .now() + timeLimitSeconds) {
            if child.isRunning { kill(pid, SIGKILL) }
        }
    }

    func send(_ line: String) { input.fileHandleForWriting.write(Data((line + "\n").utf8)) }

    func closeInput() { try? input.fileHandleForWriting.close() }

    /// The next stdout line without its `\n`; nil at end of output.
    func readLine() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                return line
            }
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { return nil }
            buffer += data
        }
    }

    /// Lines up to and including the first that starts with `prefix` (or to the end of output).
    func readLines(through prefix: String) -> [String] {
        var lines: [String] = []
        while let line = readLine() {
            lines.append(line)
            if line.hasPrefix(prefix) { break }
        }
        return lines
    }

    func waitForExit() -> Int32 {
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}
