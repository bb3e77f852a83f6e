/// A log rotated by rename: `name.log` is current, `name.log.1` the newest backup, up to
/// `name.log.<backupFilesMax>`. No file grows past `fileBytesMax`.
package struct LogRotationPolicy: Sendable, Equatable {
    package var directory: String
    /// The file name without extension (usually the engine name).
    package var baseName: String
    package var fileBytesMax: UInt64 = 10 * 1024 * 1024
    package var backupFilesMax: Int = 5

    package init(directory: String, baseName: String) {
        self.directory = directory
        self.baseName = baseName
    }

    /// The current file (`index == 0`) or a backup.
    package func path(index: Int) -> String {
        let current = directory + "/" + baseName + ".log"
        return index == 0 ? current : current + ".\(index)"
    }
}
