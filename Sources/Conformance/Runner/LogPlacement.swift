import Foundation

/// Where case transcripts go: every case into `--keep-logs DIR`, or else only the cases that did
/// not pass, into a fresh temporary directory that the report names.
package struct LogPlacement: Sendable {
    package var directory: String?
    var keepAll: Bool

    init(keepDirectory: String?) {
        if let keepDirectory {
            do { try FileManager.default.createDirectory(atPath: keepDirectory, withIntermediateDirectories: true) } catch {
                directory = nil
                keepAll = false
                return
            }
            directory = keepDirectory
            keepAll = true
            return
        }
        keepAll = false
        var template = Array((NSTemporaryDirectory() + "/lsconform-logs-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        directory = made.map { String(cString: $0) }
    }

    /// The log file for `result`, or nil when it is not to be written.
    func path(for result: CaseResult) -> String? {
        guard let directory, keepAll || result.verdict != .pass else { return nil }
        let name = result.id.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." ? $0 : "_" }
        return directory + "/" + String(name) + ".log"
    }
}
