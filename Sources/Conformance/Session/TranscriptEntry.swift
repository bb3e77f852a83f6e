/// One chunk of a case's byte transcript: what the runner sent, what the engine wrote, or a note.
package struct TranscriptEntry: Sendable, Equatable {
    package enum Stream: String, Sendable, Equatable {
        case sent = "->"
        case stdout = "<-"
        case stderr = "!!"
        case note = "##"
    }

    /// Milliseconds since the engine was started.
    package var timeMs: Double
    package var stream: Stream
    package var bytes: [UInt8]

    /// One log line: time, arrow, bytes with everything outside printable ASCII escaped (`\n`, `\xff`).
    package var logLine: String {
        var text = ""
        for byte in bytes {
            switch byte {
            case 0x0A: text += "\\n"
            case 0x0D: text += "\\r"
            case 0x09: text += "\\t"
            case 0x5C: text += "\\\\"
            case 0x20..<0x7F: text.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16)
                text += "\\x" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        let stamp = String(Int(timeMs * 1000)).leftPadded(toLength: 9)
        return "\(stamp)us \(stream.rawValue) \(text)"
    }
}
