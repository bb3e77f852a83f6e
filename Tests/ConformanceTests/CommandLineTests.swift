import Conformance
import Foundation
import Testing

/// The lsconform executable: options, exit codes and report files.
@Suite("lsconform's command line", .serialized)
struct CommandLineTests {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the built lsconform with `arguments` (bounded: the runs below finish in seconds).
    static func lsconform(_ arguments: [String]) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: EngineFixtures.productsDirectory + "/lsconform")
        process.arguments = arguments
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }

    static let base = ["python3", EngineFixtures.brokenEngines + "/base_engine.py"]

    static func remove(_ path: String) {
        do { try FileManager.default.removeItem(atPath: path) } catch { return }
    }

    static func temporaryDirectory() -> String {
        let path = NSTemporaryDirectory() + "/lsconform-cli-test-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)"
        do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) } catch { return NSTemporaryDirectory() }
        return path
    }

    @Test("--list prints every case with its rule id and exits 0")
    func list() throws {
        let outcome = try Self.lsconform(["--list"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("framing/byte-at-a-time"))
        #expect(outcome.stdout.contains("2.2-MUST-3"))
        #expect(outcome.stdout.hasSuffix("\(CaseCatalog.all.count) cases\n"))
    }

    @Test("usage mistakes exit 2", arguments: [["--frobnicate", "--", "x"], [], ["--jobs", "0", "--", "x"], ["--env", "NOEQUALS", "--", "x"], ["--case", "zzz", "--", "x"]])
    func usage(arguments: [String]) throws {
        #expect(try Self.lsconform(arguments).status == 2)
    }

    @Test("an engine that cannot start exits 3")
    func missingEngine() throws {
        let outcome = try Self.lsconform(["--", "/nonexistent/engine"])
        #expect(outcome.status == 3)
        #expect(outcome.stdout.contains("did not start"))
    }

    @Test("an engine that dies before the handshake exits 3 with its stderr tail")
    func handshakeFailure() throws {
        let outcome = try Self.lsconform(["--", "python3", "-c", "import sys; sys.stderr.write('model file missing\\n'); sys.exit(1)"])
        #expect(outcome.status == 3)
        #expect(outcome.stdout.contains("| model file missing"))
    }

    @Test("a passing run exits 0, ends with the summary line and writes JSON, JUnit and logs")
    func reports() throws {
        let directory = Self.temporaryDirectory()
        defer { Self.remove(directory) }
        let outcome = try Self.lsconform(["--case", "framing/crlf", "--case", "batch/empty", "--json", directory + "/r.json",
                                          "--junit", directory + "/r.xml", "--keep-logs", directory + "/logs", "--env", "LSCONFORM_BASE_RTF=0.05", "--"] + Self.base)
        #expect(outcome.status == 0)
        #expect(outcome.stdout.hasSuffix("2 passed, 0 failed, 0 warnings\n"))
        let json = try String(contentsOfFile: directory + "/r.json", encoding: .utf8)
        #expect(json.contains(#""summary":"2 passed, 0 failed, 0 warnings""#))
        let junit = try String(contentsOfFile: directory + "/r.xml", encoding: .utf8)
        #expect(junit.contains(#"<testsuites name="lsconform" tests="2" failures="0">"#))
        let logs = try FileManager.default.contentsOfDirectory(atPath: directory + "/logs").sorted()
        #expect(logs == ["batch_empty.log", "framing_crlf.log"])
        let log = try String(contentsOfFile: directory + "/logs/framing_crlf.log", encoding: .utf8)
        #expect(log.contains(#"-> {"jsonrpc":"2.0","id":51,"method":"get_status"}\r\n"#))
    }

    @Test("a baseline entry that passes is STALE and fails the run; one that fails is XFAIL")
    func baseline() throws {
        let directory = Self.temporaryDirectory()
        defer { Self.remove(directory) }
        try "framing/crlf\n".write(toFile: directory + "/stale.txt", atomically: true, encoding: .utf8)
        let stale = try Self.lsconform(["--case", "framing/crlf", "--baseline", directory + "/stale.txt", "--keep-logs", directory + "/logs", "--"] + Self.base)
        #expect(stale.status == 1)
        #expect(stale.stdout.contains("STALE framing/crlf"))
        #expect(stale.stdout.hasSuffix("0 passed, 1 failed, 0 warnings\n"))
        try "framing/quiet-start\n".write(toFile: directory + "/known.txt", atomically: true, encoding: .utf8)
        let known = try Self.lsconform(["--case", "framing/quiet-start", "--baseline", directory + "/known.txt", "--keep-logs", directory + "/logs", "--",
                                        "python3", EngineFixtures.brokenEngines + "/banner.py"])
        #expect(known.status == 0)
        #expect(known.stdout.contains("XFAIL framing/quiet-start"))
    }

    @Test("--audio DIR puts the user's WAV into the transcribe cases")
    func userAudio() throws {
        let directory = Self.temporaryDirectory()
        defer { Self.remove(directory) }
        try FileManager.default.copyItem(atPath: EngineFixtures.root + "/Examples/audio/hello.wav", toPath: directory + "/mine.wav")
        let outcome = try Self.lsconform(["--case", "domain/transcribe-result", "--audio", directory, "--keep-logs", directory + "/logs", "--"] + Self.base)
        #expect(outcome.status == 0)
        let log = try String(contentsOfFile: directory + "/logs/domain_transcribe-result.log", encoding: .utf8)
        #expect(log.contains(directory + "/mine.wav"))
        #expect(try Self.lsconform(["--audio", directory + "/missing", "--"] + Self.base).status == 2)
    }

    @Test("a failing SHOULD is WARN (exit 0), and FAIL under --strict (exit 1)")
    func strict() throws {
        let directory = Self.temporaryDirectory()
        defer { Self.remove(directory) }
        let engine = ["python3", EngineFixtures.brokenEngines + "/plain_stderr.py"]
        let lenient = try Self.lsconform(["--case", "framing/stderr-json-logs", "--keep-logs", directory, "--"] + engine)
        #expect(lenient.status == 0)
        #expect(lenient.stdout.hasSuffix("0 passed, 0 failed, 1 warnings\n"))
        let strict = try Self.lsconform(["--strict", "--case", "framing/stderr-json-logs", "--keep-logs", directory, "--"] + engine)
        #expect(strict.status == 1)
        #expect(strict.stdout.hasSuffix("0 passed, 1 failed, 0 warnings\n"))
    }

    @Test("a failing MUST exits 1 and prints expected, actual and the transcript path")
    func failure() throws {
        let directory = Self.temporaryDirectory()
        defer { Self.remove(directory) }
        let outcome = try Self.lsconform(["--case", "framing/quiet-start", "--keep-logs", directory, "--", "python3", EngineFixtures.brokenEngines + "/banner.py"])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("FAIL  framing/quiet-start"))
        #expect(outcome.stdout.contains("      expected: "))
        #expect(outcome.stdout.contains("      actual:   "))
        #expect(outcome.stdout.contains("transcript: "))
        #expect(outcome.stdout.hasSuffix("0 passed, 1 failed, 0 warnings\n"))
    }
}
