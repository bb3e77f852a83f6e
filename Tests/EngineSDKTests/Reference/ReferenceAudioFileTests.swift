import EngineSDK
import Foundation
import ReferenceEngine
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite("lsref reads audio with open and fstat: regular files only, links followed, bounded")
struct ReferenceAudioFileTests {
    /// A fresh directory under the system's temporary directory, removed by `remove()`.
    static func directory() throws -> String {
        let path = NSTemporaryDirectory() + "lsref-audio-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test("transcript candidates: the extension replaced by .txt, then .txt appended", arguments: [
        ("dir/hello.wav", ["dir/hello.txt", "dir/hello.wav.txt"]),
        ("/a.b/c.d.wav", ["/a.b/c.d.txt", "/a.b/c.d.wav.txt"]),
        ("/a.b/noext", ["/a.b/noext.txt", "/a.b/noext.txt"]),
        ("/x/.hidden", ["/x/.hidden.txt", "/x/.hidden.txt"]),
        ("/x/trailing.", ["/x/trailing..txt", "/x/trailing..txt"]),
        ("plain.wav", ["plain.txt", "plain.wav.txt"]),
        ("/x/dir.wav/", ["/x/dir.txt", "/x/dir.wav.txt"]),
    ])
    func candidates(path: String, expected: [String]) {
        #expect(ReferenceAudioFile.transcriptCandidates(path) == expected)
    }

    @Test("candidates agree with URL's path extension rules on absolute paths", arguments: [
        "/tmp/hello.wav", "/tmp/a.b/c.d.wav", "/tmp/noext", "/tmp/.hidden", "/tmp/x.wav/", "/tmp/trailing.", "/tmp/a b.w v",
    ])
    func candidatesLikeURL(path: String) {
        let url = URL(fileURLWithPath: path)
        let viaURL = [url.deletingPathExtension().appendingPathExtension("txt").path, url.appendingPathExtension("txt").path]
        #expect(ReferenceAudioFile.transcriptCandidates(path) == viaURL)
    }

    @Test("a regular file and a link to it are read; missing, directory and FIFO are missing")
    func kinds() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }  // best effort: a temp dir
        let file = directory + "/a.wav"
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: file))
        try FileManager.default.createSymbolicLink(atPath: directory + "/link.wav", withDestinationPath: file)
        #expect(mkfifo(directory + "/fifo", 0o600) == 0)
        #expect(try ReferenceAudioFile.read(file) == .bytes([1, 2, 3]))
        #expect(try ReferenceAudioFile.read(directory + "/link.wav") == .bytes([1, 2, 3]))
        #expect(try ReferenceAudioFile.read(directory + "/none.wav") == .missing)
        #expect(try ReferenceAudioFile.read(directory) == .missing)
        #expect(try ReferenceAudioFile.read(directory + "/fifo") == .missing)
        #expect(try ReferenceAudioFile.read("/dev/null") == .missing)
    }

    @Test("a file over the caller's bound is declined without reading; at the bound it is read")
    func declined() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }  // best effort: a temp dir
        let file = directory + "/a.wav"
        try Data([1, 2, 3, 4]).write(to: URL(fileURLWithPath: file))
        #expect(try ReferenceAudioFile.read(file, declineOverBytes: 3) == .declined)
        #expect(try ReferenceAudioFile.read(file, declineOverBytes: 4) == .bytes([1, 2, 3, 4]))
    }

    @Test("the transcript text comes from the first candidate that exists")
    func transcriptText() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }  // best effort: a temp dir
        #expect(ReferenceAudioFile.transcriptText(for: directory + "/a.wav") == nil)
        try Data("second".utf8).write(to: URL(fileURLWithPath: directory + "/a.wav.txt"))
        #expect(ReferenceAudioFile.transcriptText(for: directory + "/a.wav") == "second")
        try Data("first".utf8).write(to: URL(fileURLWithPath: directory + "/a.txt"))
        #expect(ReferenceAudioFile.transcriptText(for: directory + "/a.wav") == "first")
    }
}
