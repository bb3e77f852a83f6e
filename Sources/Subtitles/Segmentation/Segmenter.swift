import Wire

/// Cuts a word-timed transcript into cues that follow a profile. Deterministic: the same transcript and
/// settings always give the same cues.
public struct Segmenter: Sendable {
    public var profile: SubtitleProfile
    /// A silence at least this long between words always ends a cue.
    public var pauseMsBreak = 1_500

    public init(profile: SubtitleProfile = .netflixEnglish) { self.profile = profile }

    /// The cues for `transcript`, in time order, without identifiers.
    public func cues(for transcript: Transcript) -> [Cue] {
        let tokens = SegmentTokenizer.tokens(TranscriptWords.words(of: transcript), width: profile.characterWidth)
        return cues(tokens: tokens, mediaEndMs: Timestamp.milliseconds(fromSeconds: transcript.durationSeconds))
    }

    /// A document holding `cues(for:)`.
    public func document(for transcript: Transcript) -> SubtitleDocument {
        SubtitleDocument(cues: cues(for: transcript))
    }

    package func cues(tokens: [SegmentToken], mediaEndMs: Int = 0) -> [Cue] {
        let text = SegmentText(tokens: tokens, characterWidth: profile.characterWidth)
        let breaker = LineBreaker(text: text, lineWidthMax: profile.lineCharactersMax, linesMax: profile.linesMax)
        let durationMsMax = profile.frameRate.ms(atFrame: max(profile.durationFramesMax, 1))
        let grouper = CueGrouper(text: text, breaker: breaker, durationMsMax: durationMsMax, pauseMsBreak: pauseMsBreak)
        let groups = grouper.groups()
        let speech = groups.map { group in
            CueTimer.Speech(
                startMs: tokens[group.tokens.lowerBound].startMs, endMs: tokens[group.tokens.upperBound].endMs,
                characters: group.lines.reduce(0) { $0 + text.width($1.lowerBound, $1.upperBound) })
        }
        var timer = CueTimer(profile: profile)
        timer.mediaEndMs = mediaEndMs
        let frames = timer.frames(speech)
        return zip(groups, frames).map { group, frame in
            Cue(startMs: profile.frameRate.ms(atFrame: frame.start), endMs: profile.frameRate.ms(atFrame: frame.end),
                lines: group.lines.map { text.text($0.lowerBound, $0.upperBound) })
        }
    }
}
