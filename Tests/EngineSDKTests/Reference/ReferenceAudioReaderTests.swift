import EngineSDK
import Foundation
import ReferenceEngine
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite("lsref keeps the last audio file open, and reads what a fresh open would read")
struct ReferenceAudioReaderTests {
    static func write(_ bytes: [UInt8], to path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    /// Whether files in `directory` are on a block device (where the descriptor is kept).
    static func keeps(_ directory: String) -> Bool {
        var status = stat()
        return stat(directory, &status) == 0 && ReferenceAudioReader.onBlockDevice(UInt64(status.st_dev))
    }

    @Test("rewritten in place, replaced by a rename, relinked and removed: the current bytes every time")
    func changes() throws {
        let directory = try ReferenceAudioFileTests.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }  // best effort: a temp dir
        let reader = ReferenceAudioReader()
        let path = directory + "/a.wav"
        try Self.write([1, 2, 3], to: path)
        #expect(try reader.read(path) == .bytes([1, 2, 3]))
        #expect(try reader.read(path) == .bytes([1, 2, 3]))
        #expect(reader.openPath == (Self.keeps(directory) ? path : nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.write(contentsOf: [4, 5, 6])
        try handle.close()
        #expect(try reader.read(path) == .bytes([4, 5, 6]))
        try Self.write([7, 8], to: directory + "/b.tmp")
        #expect(rename(directory + "/b.tmp", path) == 0)
        #expect(try reader.read(path) == .bytes([7, 8]))
        try Self.write([9], to: directory + "/c.wav")
        let link = directory + "/link.wav"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        #expect(try reader.read(link) == .bytes([7, 8]))
        #expect(unlink(link) == 0)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: directory + "/c.wav")
        #expect(try reader.read(link) == .bytes([9]))
        #expect(unlink(directory + "/c.wav") == 0)
        #expect(try reader.read(link) == .missing)
        #expect(reader.openPath == nil)
    }

    @Test("bounds apply to a kept descriptor as to a fresh open; another path replaces it")
    func boundsAndPaths() throws {
        let directory = try ReferenceAudioFileTests.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }  // best effort: a temp dir
        let reader = ReferenceAudioReader()
        let first = directory + "/a.wav", second = directory + "/b.wav"
        try Self.write([1, 2, 3, 4], to: first)
        try Self.write([5], to: second)
        #expect(try reader.read(first, declineOverBytes: 3) == .declined)
        #expect(try reader.read(first, declineOverBytes: 3) == .declined)
        #expect(try reader.read(first, declineOverBytes: 4) == .bytes([1, 2, 3, 4]))
        #expect(try reader.read(second) == .bytes([5]))
        #expect(reader.openPath == (Self.keeps(directory) ? second : nil))
        #expect(try reader.read(directory) == .missing)
        #expect(try reader.read("/dev/null") == .missing)
        #expect(reader.openPath == nil)
    }

    @Test("the major device number as glibc's gnu_dev_major takes it", arguments: [
        (UInt64(0xFE00), true), (0x0026, false), (0x1_0300, true), (0x0000_1000_0000_0000, true), (0, false),
    ])
    func majorNumber(device: UInt64, blockDevice: Bool) {
        #expect(ReferenceAudioReader.onBlockDevice(device) == blockDevice)
    }
}
