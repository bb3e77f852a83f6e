/// Times cues on the profile's frame grid: each cue starts with its speech (or later, to keep the minimum
/// gap; or earlier, to close a short gap), lasts at least the minimum duration and long enough to read at
/// the maximum speed where the next cue allows, at most the maximum duration, and gaps of
/// `gapFramesCloseMax` frames or fewer are closed to `gapFramesMin`. The last cue stops at the media's end.
package struct CueTimer: Sendable {
    package let profile: SubtitleProfile
    /// End of the media; the last cue does not run past it unless its speech or minimum duration does.
    /// Zero or less: unknown.
    package var mediaEndMs = 0

    /// Speech span and text width of one cue.
    package struct Speech: Sendable, Hashable {
        package var startMs: Int
        package var endMs: Int
        package var characters: Double
    }

    /// Start and end frames for each cue.
    package func frames(_ speech: [Speech]) -> [(start: Int, end: Int)] {
        let rate = profile.frameRate
        let gapMin = profile.gapFramesMin
        var result: [(start: Int, end: Int)] = []
        result.reserveCapacity(speech.count)
        for (index, cue) in speech.enumerated() {
            var start = rate.frame(atMs: cue.startMs)
            if let previous = result.last {
                let gap = start - previous.end
                if gap < gapMin || gap <= profile.gapFramesCloseMax { start = previous.end + gapMin }
            }
            let minimumEnd = start + profile.durationFramesMin
            let readingEnd = start + rate.framesCovering(seconds: cue.characters / profile.readingSpeedCharactersPerSecondMax)
            let longestEnd = start + max(profile.durationFramesMax, profile.durationFramesMin)
            var end = min(max(rate.frame(atMs: cue.endMs), minimumEnd, readingEnd), longestEnd)
            if index + 1 == speech.count && mediaEndMs > 0 {
                end = min(end, max(rate.frame(atMs: mediaEndMs), rate.frame(atMs: cue.endMs), minimumEnd))
            }
            if index + 1 < speech.count {
                let nextStart = rate.frame(atMs: speech[index + 1].startMs)
                let limit = nextStart - gapMin
                if end > limit {
                    end = max(limit, minimumEnd)
                } else if nextStart - end <= profile.gapFramesCloseMax {
                    end = min(limit, longestEnd)
                }
            }
            result.append((start, end))
        }
        return result
    }
}
