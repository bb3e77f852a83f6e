import EngineSDK
import Foundation
import Testing

@Suite("Log timestamps are UTC to the second, as Date.formatted(.iso8601) writes them")
struct LogTimestampTests {
    @Test("fixed instants", arguments: [
        (0, "1970-01-01T00:00:00Z"), (951_782_400, "2000-02-29T00:00:00Z"),
        (1_795_483_510, "2026-11-24T01:25:10Z"), (4_102_444_799, "2099-12-31T23:59:59Z"),
    ])
    func fixed(seconds: Int, text: String) {
        #expect(LogTimestamp.format(secondsSinceEpoch: seconds) == text)
    }

    @Test("the same text as Foundation's ISO 8601 style", arguments: [0, 86_399, 1_000_000_000, 1_795_483_510, 2_147_483_647])
    func foundation(seconds: Int) {
        let date = Date(timeIntervalSince1970: TimeInterval(seconds))
        #expect(LogTimestamp.format(secondsSinceEpoch: seconds) == date.formatted(.iso8601))
    }
}
