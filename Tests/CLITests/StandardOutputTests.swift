#if canImport(Glibc)
import Glibc
#endif
import CommandLineSupport
import Testing

@Suite("Standard output")
struct StandardOutputTests {
    @Test("a stdout write that fails (a full disk) turns exit 0 into 1 with the reason on stderr")
    func fullDisk() throws {
        let full = open("/dev/full", O_WRONLY)
        try #require(full >= 0)
        defer { close(full) }
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        defer { close(ends[0]) }
        let output = StandardOutput(stdoutDescriptor: full, stderrDescriptor: ends[1])
        output.out("result\n")
        #expect(output.stdoutFailure == "No space left on device")
        #expect(output.exitCode(0, tool: "t") == 1)
        #expect(output.exitCode(2, tool: "t") == 2)
        close(ends[1])
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = read(ends[0], &buffer, buffer.count)
        #expect(String(decoding: buffer[0..<max(0, count)], as: UTF8.self) == "t: cannot write to stdout: No space left on device\n")
    }

    @Test("successful writes keep the command's exit code")
    func success() throws {
        let null = open("/dev/null", O_WRONLY)
        try #require(null >= 0)
        defer { close(null) }
        let output = StandardOutput(stdoutDescriptor: null, stderrDescriptor: null)
        output.out("fine\n")
        #expect(output.stdoutFailure == nil)
        #expect(output.exitCode(0, tool: "t") == 0)
    }
}
