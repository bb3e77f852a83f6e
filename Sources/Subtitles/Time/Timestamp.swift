/// Formats and converts subtitle times. Times are whole milliseconds, never negative in files.
public enum Timestamp {
    /// Longest time converted from seconds: one million hours.
    public static let secondsMax = 3_600_000_000.0

    /// `HH:MM:SS,mmm`; hours take as many digits as they need beyond two (`100:00:00,000`).
    public static func srt(_ ms: Int) -> String { format(ms, hours: true, separator: ",") }

    /// `HH:MM:SS.mmm`, or `MM:SS.mmm` when `hoursAlways` is false and the hours are zero.
    public static func webVTT(_ ms: Int, hoursAlways: Bool = true) -> String {
        format(ms, hours: hoursAlways || ms >= 3_600_000, separator: ".")
    }

    /// Seconds to milliseconds, rounding half up on the decimal the Double prints as, so that
    /// `59.9995` gives 60 000 although its binary value lies just below. Negative input gives 0;
    /// input beyond `secondsMax` (a million hours) gives `secondsMax`.
    public static func milliseconds(fromSeconds seconds: Double) -> Int {
        guard !seconds.isNaN, seconds > 0 else { return 0 }
        guard seconds < secondsMax else { return Int(secondsMax) * 1_000 }
        let text = String(seconds)
        guard !text.contains("e"), let dot = text.firstIndex(of: ".") else {
            return Int((seconds * 1000).rounded(.toNearestOrAwayFromZero))
        }
        let whole = Int(text[..<dot]) ?? 0
        let fraction = Array(text[text.index(after: dot)...].utf8).map { Int($0) - 48 }
        var ms = whole * 1000
        for (position, digit) in fraction.prefix(3).enumerated() {
            ms += digit * [100, 10, 1][position]
        }
        if fraction.count > 3, fraction[3] >= 5 { ms += 1 }
        return ms
    }

    private static func format(_ ms: Int, hours: Bool, separator: String) -> String {
        precondition(ms >= 0, "negative time \(ms) ms")
        let millis = ms % 1000
        let totalSeconds = ms / 1000
        let seconds = totalSeconds % 60
        let minutes = (totalSeconds / 60) % 60
        let hourCount = totalSeconds / 3600
        var text = hours ? pad(hourCount, 2) + ":" : ""
        text += pad(minutes, 2) + ":" + pad(seconds, 2) + separator + pad(millis, 3)
        return text
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
