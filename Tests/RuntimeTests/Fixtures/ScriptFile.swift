import Foundation

/// Writes a test script to this process's fixture directory under the system temporary directory
/// (so the test target needs no resources); returns its path.
enum ScriptFile {
    static func write(_ source: String, named name: String) -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lingosub-runtime-fixtures-\(ProcessInfo.processInfo.processIdentifier)")
        let file = directory.appendingPathComponent(name)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(source.utf8).write(to: file)
        } catch {
            preconditionFailure("cannot write the test script to \(file.path): \(error)")
        }
        return file.path
    }
}
