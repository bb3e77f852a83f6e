import EngineSDK
import Foundation
import ReferenceEngine
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite("lsref confirms a kept audio file through its quiet directory")
struct ReferenceAudioReaderDirectoryTests {
    /// A clock an hour ahead: every directory is quiet (mutations then change the directory's inode,
    /// which is seen whatever the timestamps).
    static func quietReader() -> ReferenceAudioReader {
        ReferenceAudioReader(realtimeNs: { ReferenceAudioReader.realtimeNow() + 3_600_000_000_000 })
    }

    /// What a fresh open and lookup give.
    static func expected(_ path: String) throws -> ReferenceAudioReader.Audio {
        let contents = try ReferenceAudioFile.read(path)
        guard case .bytes = contents else { return (contents, nil) }
        return (contents, ReferenceAudioFile.transcriptText(for: path))
    }

    static func same(_ reader: ReferenceAudioReader, _ path: String) throws -> Bool {
        let audio = try reader.readAudio(path), reference = try expected(path)
        return audio.contents == reference.contents && audio.transcriptText == reference.transcriptText
    }

    @Test("directory of a path", arguments: [
        ("a/b/c.wav", "a/b"), ("c.wav", "."), ("/c.wav", "/"), ("/x/y.wav", "/x"), ("a//b.wav", "a/"),
    ])
    func directoryPath(path: String, directory: String) {
        #expect(ReferenceAudioReader.directoryPath(of: path) == directory)
    }

    @Test("a quiet directory is learned; a new directory at the path and a transcript in it are seen")
    func directoryReplaced() throws {
        let root = try ReferenceAudioFileTests.directory()
        defer { try? FileManager.default.removeItem(atPath: root) }  // best effort: a temp dir
        let directory = root + "/audio", path = directory + "/a.wav"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        try ReferenceAudioReaderTests.write([1, 2, 3], to: path)
        let reader = Self.quietReader()
        for _ in 0..<3 { #expect(try Self.same(reader, path)) }
        #expect(reader.knowsDirectory == ReferenceAudioReaderTests.keeps(root))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.write(contentsOf: [4])
        try handle.close()
        #expect(try reader.readAudio(path).contents == .bytes([4, 2, 3]))
        #expect(rename(directory, root + "/old") == 0)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        try ReferenceAudioReaderTests.write([5, 6], to: path)
        try ReferenceAudioReaderTests.write(Array("hello kit".utf8), to: directory + "/a.txt")
        for _ in 0..<3 { #expect(try Self.same(reader, path)) }
        #expect(try reader.readAudio(path).transcriptText == "hello kit")
    }

    @Test("a path through a link is confirmed by stat of the path, not by the directory")
    func link() throws {
        let directory = try ReferenceAudioFileTests.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }  // best effort: a temp dir
        try ReferenceAudioReaderTests.write([1, 2], to: directory + "/a.wav")
        try FileManager.default.createSymbolicLink(atPath: directory + "/link.wav", withDestinationPath: directory + "/a.wav")
        let reader = Self.quietReader()
        for _ in 0..<3 { #expect(try Self.same(reader, directory + "/link.wav")) }
        #expect(!reader.knowsDirectory)
    }

    @Test("quiet means a ctime older than the margin: 50 ms with nanoseconds, 3 s in whole seconds")
    func margins() {
        var status = stat()
        status.st_ctim = timespec(tv_sec: 1_000, tv_nsec: 5)
        #expect(ReferenceAudioReader.quietMarginNs(status) == 50_000_000)
        status.st_ctim = timespec(tv_sec: 1_000, tv_nsec: 0)
        #expect(ReferenceAudioReader.quietMarginNs(status) == 3_000_000_000)
        let atSecond = { (seconds: Int) in ReferenceAudioReader(realtimeNs: { seconds * 1_000_000_000 }) }
        #expect(!atSecond(1_002).isQuiet(status))
        #expect(!atSecond(1_003).isQuiet(status))
        #expect(atSecond(1_004).isQuiet(status))
    }
}
