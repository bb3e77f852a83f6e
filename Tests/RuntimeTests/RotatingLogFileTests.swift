import Foundation
import Runtime
import Testing

extension RealProcessTests {
    @Suite("Rotating log file")
    struct RotatingLogFileTests {
        static func contents(_ directory: String) throws -> [String: String] {
            var result: [String: String] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: directory) {
                result[name] = try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
            }
            return result
        }

        @Test("rotation renames at line boundaries, keeps the newest backups, and never exceeds the limit")
        func rotation() throws {
            let directory = try Fixture.temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            var policy = LogRotationPolicy(directory: directory, baseName: "engine")
            policy.fileBytesMax = 10
            policy.backupFilesMax = 2
            do {
                var file = RotatingLogFile(policy: policy)
                for line in ["aaaa\n", "bb\ncc\ndd\n", "eeee\n", "ffff\n", "g\n"] {
                    #expect(file.write(Array(line.utf8)) == line.utf8.count)
                }
            }
            #expect(try Self.contents(directory) == [
                "engine.log": "g\n", "engine.log.1": "eeee\nffff\n", "engine.log.2": "cc\ndd\n",
            ])
        }

        @Test("a line longer than the limit is cut hard, and an existing log is appended to")
        func longLineAndReopen() throws {
            let directory = try Fixture.temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            var policy = LogRotationPolicy(directory: directory, baseName: "e")
            policy.fileBytesMax = 4
            policy.backupFilesMax = 5
            do {
                var file = RotatingLogFile(policy: policy)
                #expect(file.write(Array("0123456789\n".utf8)) == 11)
            }
            do {
                var file = RotatingLogFile(policy: policy)
                #expect(file.write(Array("x".utf8)) == 1)
            }
            #expect(try Self.contents(directory) == ["e.log": "89\nx", "e.log.1": "4567", "e.log.2": "0123"])
        }
    }
}
