import Wire

extension SubtitleProfile {
    /// The keys a custom profile may have.
    public static let jsonKeys = [
        "characterWidth", "durationSecondsMax", "durationSecondsMin", "extends", "frameRate", "gapFramesCloseMax",
        "gapFramesMin", "lineCharactersMax", "linesMax", "name", "readingSpeedCharactersPerSecondMax", "ruleNamespace",
    ]

    /// A custom profile from JSON: an object with any of `jsonKeys`. `extends` names a built-in to start
    /// from (default `netflix-en`); the other keys override it. `frameRate` is a number (`25`, `23.976`
    /// meaning 24000/1001) or a fraction string (`"24000/1001"`); `characterWidth` is `uniform` or
    /// `half-width-counts-half`. Errors name the offending key.
    public init(json: JSONValue) throws(SubtitleError) {
        guard let object = json.objectValue else {
            throw SubtitleError(.profileWrongType, key: "(root)", detail: "a profile is a JSON object")
        }
        for key in object.keys where !Self.jsonKeys.contains(key) {
            throw SubtitleError(.profileUnknownKey, key: key, detail: "known keys: " + Self.jsonKeys.joined(separator: ", "))
        }
        let reader = ProfileJSONReader(object: object)
        if let base = try reader.string("extends") {
            guard let profile = Self.builtIn(named: base) else {
                let names = Self.builtIns.map(\.name).joined(separator: ", ")
                throw SubtitleError(.profileUnknownBase, key: "extends", detail: "'\(base)' is not one of \(names)")
            }
            self = profile
        } else {
            self = .netflixEnglish
        }
        name = try reader.string("name") ?? "custom"
        ruleNamespace = try reader.ruleNamespace() ?? ruleNamespace
        lineCharactersMax = try reader.number("lineCharactersMax", in: 1...1_000) ?? lineCharactersMax
        linesMax = try reader.integer("linesMax", in: 1...10) ?? linesMax
        durationSecondsMin = try reader.number("durationSecondsMin", in: 0...3_600) ?? durationSecondsMin
        durationSecondsMax = try reader.number("durationSecondsMax", in: 0.001...3_600) ?? durationSecondsMax
        readingSpeedCharactersPerSecondMax = try reader.number("readingSpeedCharactersPerSecondMax", in: 0.1...1_000)
            ?? readingSpeedCharactersPerSecondMax
        gapFramesMin = try reader.integer("gapFramesMin", in: 0...1_000) ?? gapFramesMin
        gapFramesCloseMax = try reader.integer("gapFramesCloseMax", in: 0...10_000) ?? gapFramesCloseMax
        frameRate = try reader.frameRate() ?? frameRate
        characterWidth = try reader.characterWidth() ?? characterWidth
        try validateRelations()
    }

    /// Largest `lineCharactersMax × linesMax` a custom profile may ask for. Segmentation weighs every
    /// layout of every candidate cue, so its cost grows about with the cube of a cue's size: 10 lines of
    /// 100 characters took over a minute for 300 words. Broadcast captions need at most 32 × 4.
    public static let cueCharactersMaxLimit = 300.0

    private func validateRelations() throws(SubtitleError) {
        guard lineCharactersMax * Double(linesMax) <= Self.cueCharactersMaxLimit else {
            throw SubtitleError(.profileOutOfRange, key: "lineCharactersMax",
                                detail: "\(lineCharactersMax) × \(linesMax) lines is over \(Int(Self.cueCharactersMaxLimit)) characters per cue")
        }
        guard durationSecondsMax >= durationSecondsMin else {
            throw SubtitleError(.profileOutOfRange, key: "durationSecondsMax",
                                detail: "\(durationSecondsMax) is below durationSecondsMin \(durationSecondsMin)")
        }
        guard gapFramesCloseMax >= gapFramesMin else {
            throw SubtitleError(.profileOutOfRange, key: "gapFramesCloseMax",
                                detail: "\(gapFramesCloseMax) is below gapFramesMin \(gapFramesMin)")
        }
    }
}
