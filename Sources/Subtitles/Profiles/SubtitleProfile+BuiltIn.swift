extension SubtitleProfile {
    /// Netflix English: 42 characters × 2 lines, 5/6 s to 7 s, 20 characters/s, 2-frame gaps,
    /// gaps of 12 frames or fewer closed, 24 fps.
    public static let netflixEnglish = SubtitleProfile()

    /// Netflix English for children's programs: as `netflixEnglish` with 17 characters/s.
    public static let netflixEnglishChildren: SubtitleProfile = {
        var profile = SubtitleProfile()
        profile.name = "netflix-en-children"
        profile.readingSpeedCharactersPerSecondMax = 17
        return profile
    }()

    /// Netflix Simplified Chinese: 16 characters × 2 lines, 9 characters/s, half-width characters
    /// count 0.5; durations and gaps as for English.
    public static let netflixSimplifiedChinese: SubtitleProfile = {
        var profile = SubtitleProfile()
        profile.name = "netflix-zh-hans"
        profile.lineCharactersMax = 16
        profile.readingSpeedCharactersPerSecondMax = 9
        profile.characterWidth = .halfWidthCountsHalf
        return profile
    }()

    /// Every built-in profile, by name.
    public static let builtIns: [SubtitleProfile] = [.netflixEnglish, .netflixEnglishChildren, .netflixSimplifiedChinese]

    /// The built-in profile called `name` (`netflix-en`, `netflix-en-children`, `netflix-zh-hans`).
    public static func builtIn(named name: String) -> SubtitleProfile? {
        builtIns.first { $0.name == name }
    }
}
