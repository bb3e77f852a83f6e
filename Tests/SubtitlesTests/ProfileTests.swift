import Subtitles
import Testing
import Wire

@Suite("Profiles")
struct ProfileTests {
    @Test("built-in profiles carry the Netflix figures")
    func builtIns() {
        let english = SubtitleProfile.netflixEnglish
        #expect(english.lineCharactersMax == 42 && english.linesMax == 2)
        #expect(english.durationFramesMin == 20 && english.durationFramesMax == 168)
        #expect(english.readingSpeedCharactersPerSecondMax == 20)
        #expect(english.gapFramesMin == 2 && english.gapFramesCloseMax == 12)
        #expect(english.frameRate == .fps24 && english.characterWidth == .uniform)
        #expect(SubtitleProfile.netflixEnglishChildren.readingSpeedCharactersPerSecondMax == 17)
        let chinese = SubtitleProfile.netflixSimplifiedChinese
        #expect(chinese.lineCharactersMax == 16 && chinese.readingSpeedCharactersPerSecondMax == 9)
        #expect(chinese.characterWidth == .halfWidthCountsHalf)
        #expect(SubtitleProfile.builtIns.map(\.name) == ["netflix-en", "netflix-en-children", "netflix-zh-hans"])
        #expect(SubtitleProfile.builtIn(named: "netflix-zh-hans") == chinese)
        #expect(SubtitleProfile.builtIn(named: "nope") == nil)
    }

    @Test("a custom profile extends a built-in and overrides what it names")
    func custom() throws {
        let json: JSONValue = [
            "name": "acme", "extends": "netflix-zh-hans", "ruleNamespace": "acme", "lineCharactersMax": 20,
            "linesMax": 3, "gapFramesMin": 3, "gapFramesCloseMax": 10, "frameRate": "30000/1001",
            "durationSecondsMax": 6, "readingSpeedCharactersPerSecondMax": 11, "characterWidth": "uniform",
        ]
        let profile = try SubtitleProfile(json: json)
        #expect(profile.name == "acme" && profile.ruleNamespace == "acme")
        #expect(profile.lineCharactersMax == 20 && profile.linesMax == 3)
        #expect(profile.gapFramesMin == 3 && profile.gapFramesCloseMax == 10)
        #expect(profile.frameRate == .fps29_97)
        #expect(profile.durationFramesMax == 179)
        #expect(profile.durationFramesMin == 25)
        #expect(profile.readingSpeedCharactersPerSecondMax == 11)
        #expect(profile.characterWidth == .uniform)
        #expect(LintRule.minGap.id(namespace: profile.ruleNamespace) == "acme.min-gap")
    }

    @Test("an empty object is Netflix English named custom")
    func emptyObject() throws {
        var expected = SubtitleProfile.netflixEnglish
        expected.name = "custom"
        #expect(try SubtitleProfile(json: [:]) == expected)
    }

    @Test("frame rates: integers, NTSC decimals and other decimals", arguments: [
        (JSONValue.number(JSONNumber(25)), FrameRate(25)),
        (.number(JSONNumber(unchecked: "23.976")), FrameRate(24_000, per: 1_001)),
        (.number(JSONNumber(unchecked: "59.94")), FrameRate(60_000, per: 1_001)),
        (.number(JSONNumber(unchecked: "12.5")), FrameRate(12_500, per: 1_000)),
        (.string("48/2"), FrameRate(48, per: 2)),
    ])
    func frameRates(value: JSONValue, rate: FrameRate) throws {
        #expect(try SubtitleProfile(json: ["frameRate": value]).frameRate == rate)
    }

    static let invalid: [(JSONValue, String, String)] = [
        (JSONValue.array([]), "profile_wrong_type", "(root)"),
        (["lineCharactersMax": "42"], "profile_wrong_type", "lineCharactersMax"),
        (["lineCharactersMax": 0], "profile_out_of_range", "lineCharactersMax"),
        (["linesMax": .number(JSONNumber(unchecked: "2.5"))], "profile_wrong_type", "linesMax"),
        (["linesMax": 11], "profile_out_of_range", "linesMax"),
        (["linesMax": 10, "lineCharactersMax": 100], "profile_out_of_range", "lineCharactersMax"),
        (["linesMax": 2, "lineCharactersMax": 151], "profile_out_of_range", "lineCharactersMax"),
        (["maxLines": 2], "profile_unknown_key", "maxLines"),
        (["extends": "netflix-fr"], "profile_unknown_base", "extends"),
        (["frameRate": "24"], "profile_out_of_range", "frameRate"),
        (["frameRate": true], "profile_wrong_type", "frameRate"),
        (["frameRate": 0], "profile_out_of_range", "frameRate"),
        (["characterWidth": "narrow"], "profile_out_of_range", "characterWidth"),
        (["ruleNamespace": "Has Space"], "profile_out_of_range", "ruleNamespace"),
        (["name": ""], "profile_wrong_type", "name"),
        (["durationSecondsMin": 8], "profile_out_of_range", "durationSecondsMax"),
        (["gapFramesMin": 20], "profile_out_of_range", "gapFramesCloseMax"),
    ]

    @Test("a cue of up to 300 characters is accepted (10 × 30, 4 × 75, 2 × 150)")
    func largestCues() throws {
        for (lines, characters) in [(10, 30), (4, 75), (2, 150)] {
            let profile = try SubtitleProfile(json: ["linesMax": .number(JSONNumber(lines)), "lineCharactersMax": .number(JSONNumber(characters))])
            #expect(profile.linesMax == lines && profile.lineCharactersMax == Double(characters))
        }
    }

    @Test("validation errors name the key", arguments: invalid)
    func errors(json: JSONValue, code: String, key: String) {
        #expect {
            try SubtitleProfile(json: json)
        } throws: { error in
            guard let error = error as? SubtitleError else { return false }
            return error.code.id == code && error.key == key
        }
    }
}

@Suite("Frame arithmetic")
struct FrameRateTests {
    @Test("milliseconds go to the nearest frame, halves up", arguments: [
        (FrameRate.fps24, 0, 0), (.fps24, 20, 0), (.fps24, 21, 1), (.fps24, 41, 1), (.fps24, 62, 1), (.fps24, 63, 2),
        (.fps24, 833, 20), (.fps24, 1_000, 24), (.fps25, 20, 1), (.fps25, 19, 0),
        (.fps23_976, 1_001, 24), (.fps23_976, 1_000, 24), (.fps29_97, 1_001, 30),
    ])
    func frameAtMs(rate: FrameRate, ms: Int, frame: Int) {
        #expect(rate.frame(atMs: ms) == frame)
    }

    @Test("frames go to the nearest millisecond and back to the same frame", arguments: [FrameRate.fps24, .fps25, .fps23_976, .fps29_97, .fps30])
    func roundTrip(rate: FrameRate) {
        for frame in 0..<2_000 { #expect(rate.frame(atMs: rate.ms(atFrame: frame)) == frame) }
        #expect(FrameRate.fps24.ms(atFrame: 20) == 833)
        #expect(FrameRate.fps24.ms(atFrame: 2) == 83)
        #expect(FrameRate.fps23_976.ms(atFrame: 24) == 1_001)
    }

    @Test("durations convert to whole frames: minimums round up, maximums down", arguments: [
        (FrameRate.fps24, 5.0 / 6.0, 20, 20), (.fps25, 5.0 / 6.0, 21, 20), (.fps24, 7, 168, 168),
        (.fps23_976, 7, 168, 167), (.fps30, 0.5, 15, 15),
    ])
    func durations(rate: FrameRate, seconds: Double, covering: Int, within: Int) {
        #expect(rate.framesCovering(seconds: seconds) == covering)
        #expect(rate.framesWithin(seconds: seconds) == within)
    }
}
