extension LineCursor {
    /// A WebVTT timestamp per the W3C "collect a WebVTT timestamp" steps: `[HH+:]MM:SS.mmm`, hours present
    /// when the first field has other than two digits or is over 59, or when three fields are given.
    package mutating func webVTTTimestamp() throws(SubtitleError) -> Int {
        let start = self
        let first = digits()
        guard !first.isEmpty else { throw error(.badTimestamp, "expected digits of a timestamp") }
        guard first.count <= SubtitleLimits.hourDigitsMax else { throw error(.badTimestamp, "too many digits") }
        let firstValue = Int(first)!
        let firstIsHours = first.count != 2 || firstValue > 59
        guard take(":") else { throw error(.badTimestamp, "expected ':'") }
        let second = try twoDigits()
        var hours = 0, minutes = firstValue, seconds = second
        if firstIsHours || current == ":" {
            guard take(":") else { throw error(.badTimestamp, "expected ':' after hours and minutes") }
            hours = firstValue
            minutes = second
            seconds = try twoDigits()
        }
        guard take(".") else { throw error(.badTimestamp, "expected '.' before milliseconds") }
        let millis = try threeDigits()
        return try start.combine(hours: hours, minutes: minutes, seconds: seconds, millis: millis)
    }

    /// An SRT timestamp `H+:MM:SS,mmm` (a `.` before the milliseconds is tolerated).
    package mutating func srtTimestamp() throws(SubtitleError) -> Int {
        let start = self
        let hourDigits = digits()
        guard !hourDigits.isEmpty else { throw error(.badTimestamp, "expected hours") }
        guard hourDigits.count <= SubtitleLimits.hourDigitsMax else { throw error(.badTimestamp, "too many digits") }
        guard take(":") else { throw error(.badTimestamp, "expected ':' after hours") }
        let minutes = try twoDigits()
        guard take(":") else { throw error(.badTimestamp, "expected ':' after minutes") }
        let seconds = try twoDigits()
        guard take(",") || take(".") else { throw error(.badTimestamp, "expected ',' before milliseconds") }
        let millis = try threeDigits()
        return try start.combine(hours: Int(hourDigits)!, minutes: minutes, seconds: seconds, millis: millis)
    }

    private mutating func twoDigits() throws(SubtitleError) -> Int {
        let start = self
        let text = digits()
        guard text.count == 2 else { throw start.error(.badTimestamp, "expected two digits") }
        return Int(text)!
    }

    private mutating func threeDigits() throws(SubtitleError) -> Int {
        let start = self
        let text = digits()
        guard text.count == 3 else { throw start.error(.badTimestamp, "expected three digits of milliseconds") }
        return Int(text)!
    }

    private func combine(hours: Int, minutes: Int, seconds: Int, millis: Int) throws(SubtitleError) -> Int {
        guard minutes <= 59 else { throw error(.badTimestamp, "minutes over 59") }
        guard seconds <= 59 else { throw error(.badTimestamp, "seconds over 59") }
        return ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis
    }
}
