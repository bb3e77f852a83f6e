import Runtime
import Testing

@Suite("Exit status decoding")
struct ProcessExitStatusTests {
    @Test("raw wait statuses decode like the W* macros", arguments: [
        (0x0000, ProcessExitStatus.exited(code: 0)),
        (0x0300, .exited(code: 3)),
        (0xFF00, .exited(code: 255)),
        (0x0009, .signaled(signal: 9, coreDumped: false)),
        (0x008B, .signaled(signal: 11, coreDumped: true)),
        (0x000F, .signaled(signal: 15, coreDumped: false)),
    ] as [(Int32, ProcessExitStatus)])
    func decoding(raw: Int32, expected: ProcessExitStatus) {
        #expect(ProcessExitStatus(waitStatus: raw) == expected)
    }

    @Test("descriptions name the code or the signal")
    func descriptions() {
        #expect(ProcessExitStatus.exited(code: 3).description == "exited with code 3")
        #expect(ProcessExitStatus.signaled(signal: 11, coreDumped: true).description == "killed by SIGSEGV (core dumped)")
        #expect(ProcessExitStatus.signaled(signal: 9, coreDumped: false).description == "killed by SIGKILL")
    }
}
