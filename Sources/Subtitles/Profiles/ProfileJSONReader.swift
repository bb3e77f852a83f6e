import Wire

/// Reads typed, range-checked members of a custom profile object; every error names its key.
package struct ProfileJSONReader {
    let object: JSONObject

    func string(_ key: String) throws(SubtitleError) -> String? {
        guard let value = object[key] else { return nil }
        guard let text = value.stringValue, !text.isEmpty else {
            throw SubtitleError(.profileWrongType, key: key, detail: "expected a non-empty string")
        }
        return text
    }

    func number(_ key: String, in range: ClosedRange<Double>) throws(SubtitleError) -> Double? {
        guard let value = object[key] else { return nil }
        guard let number = value.doubleValue, number.isFinite else {
            throw SubtitleError(.profileWrongType, key: key, detail: "expected a number")
        }
        guard range.contains(number) else {
            throw SubtitleError(.profileOutOfRange, key: key, detail: "\(number) is outside \(range.lowerBound)...\(range.upperBound)")
        }
        return number
    }

    func integer(_ key: String, in range: ClosedRange<Int>) throws(SubtitleError) -> Int? {
        guard let value = object[key] else { return nil }
        guard let number = value.intValue else {
            throw SubtitleError(.profileWrongType, key: key, detail: "expected an integer")
        }
        guard range.contains(number) else {
            throw SubtitleError(.profileOutOfRange, key: key, detail: "\(number) is outside \(range.lowerBound)...\(range.upperBound)")
        }
        return number
    }

    func ruleNamespace() throws(SubtitleError) -> String? {
        guard let text = try string("ruleNamespace") else { return nil }
        let allowed = text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
        guard allowed else {
            throw SubtitleError(.profileOutOfRange, key: "ruleNamespace", detail: "use lowercase letters, digits, '-' and '_'")
        }
        return text
    }

    func characterWidth() throws(SubtitleError) -> CharacterWidth? {
        guard let text = try string("characterWidth") else { return nil }
        guard let width = CharacterWidth(rawValue: text) else {
            throw SubtitleError(.profileOutOfRange, key: "characterWidth", detail: "expected 'uniform' or 'half-width-counts-half'")
        }
        return width
    }

    /// `24`, `23.976` (→ 24000/1001, likewise 29.97, 47.952, 59.94), another decimal, or `"num/den"`.
    func frameRate() throws(SubtitleError) -> FrameRate? {
        guard let value = object["frameRate"] else { return nil }
        if let text = value.stringValue {
            let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, let numerator = Int(parts[0]), let denominator = Int(parts[1]),
                  (1...1_000_000).contains(numerator), (1...1_000_000).contains(denominator) else {
                throw SubtitleError(.profileOutOfRange, key: "frameRate", detail: "expected 'numerator/denominator', got '\(text)'")
            }
            return FrameRate(numerator, per: denominator)
        }
        guard let number = value.numberValue, let rate = number.double else {
            throw SubtitleError(.profileWrongType, key: "frameRate", detail: "expected a number or a 'numerator/denominator' string")
        }
        guard rate >= 1, rate <= 1_000 else {
            throw SubtitleError(.profileOutOfRange, key: "frameRate", detail: "\(rate) is outside 1...1000")
        }
        for ntsc in [24, 30, 48, 60] where abs(rate - Double(ntsc * 1_000) / 1_001) < 0.001 {
            return FrameRate(ntsc * 1_000, per: 1_001)
        }
        let thousandths = Int((rate * 1_000).rounded())
        return thousandths % 1_000 == 0 ? FrameRate(thousandths / 1_000) : FrameRate(thousandths, per: 1_000)
    }
}
