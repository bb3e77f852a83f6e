/// Checks cues against a profile. Each cue is checked on its own (line width, line count, duration,
/// reading speed) and against the cue before it (ordering, overlap, minimum gap, gaps to close).
/// Durations and gaps are measured in whole frames at the profile's frame rate (each time taken to its
/// nearest frame); reading speed is characters, as the profile counts them, per second of those frames.
public struct Linter: Sendable {
    public var profile: SubtitleProfile

    public init(profile: SubtitleProfile) { self.profile = profile }

    /// Every finding, ordered by cue, then by rule as listed in `LintRule`.
    public func lint(_ cues: [Cue]) -> [LintFinding] {
        var findings: [LintFinding] = []
        for (index, cue) in cues.enumerated() {
            findings += lintCue(cue, number: index + 1)
            if index > 0 { findings += lintPair(cues[index - 1], cue, number: index + 1) }
        }
        return findings
    }

    private func finding(_ number: Int, _ rule: LintRule, _ measured: Double, _ allowed: LintLimit, _ unit: LintUnit, line: Int? = nil) -> LintFinding {
        LintFinding(cueNumber: number, lineNumber: line, rule: rule, ruleId: rule.id(namespace: profile.ruleNamespace),
                    measured: measured, allowed: allowed, unit: unit)
    }

    private func lintCue(_ cue: Cue, number: Int) -> [LintFinding] {
        var findings: [LintFinding] = []
        var characters = 0.0
        for (lineIndex, line) in cue.lines.enumerated() {
            let width = profile.characterWidth.width(of: line)
            characters += width
            if width > profile.lineCharactersMax {
                findings.append(finding(number, .charsPerLine, width, .atMost(profile.lineCharactersMax), .characters, line: lineIndex + 1))
            }
        }
        if cue.lines.count > profile.linesMax {
            findings.append(finding(number, .maxLines, Double(cue.lines.count), .atMost(Double(profile.linesMax)), .lines))
        }
        let rate = profile.frameRate
        let frames = rate.frame(atMs: cue.endMs) - rate.frame(atMs: cue.startMs)
        if frames < profile.durationFramesMin {
            findings.append(finding(number, .minDuration, Double(frames), .atLeast(Double(profile.durationFramesMin)), .frames))
        }
        if frames > profile.durationFramesMax {
            findings.append(finding(number, .maxDuration, Double(frames), .atMost(Double(profile.durationFramesMax)), .frames))
        }
        if frames > 0 {
            let speed = characters * Double(rate.numerator) / (Double(frames) * Double(rate.denominator))
            if speed > profile.readingSpeedCharactersPerSecondMax {
                findings.append(finding(number, .readingSpeed, speed, .atMost(profile.readingSpeedCharactersPerSecondMax), .charactersPerSecond))
            }
        }
        return findings
    }

    private func lintPair(_ previous: Cue, _ cue: Cue, number: Int) -> [LintFinding] {
        if cue.startMs < previous.startMs {
            return [finding(number, .ordering, Double(cue.startMs), .atLeast(Double(previous.startMs)), .milliseconds)]
        }
        if cue.startMs < previous.endMs {
            return [finding(number, .overlap, Double(cue.startMs), .atLeast(Double(previous.endMs)), .milliseconds)]
        }
        let rate = profile.frameRate
        let gap = rate.frame(atMs: cue.startMs) - rate.frame(atMs: previous.endMs)
        if gap < profile.gapFramesMin {
            return [finding(number, .minGap, Double(gap), .atLeast(Double(profile.gapFramesMin)), .frames)]
        }
        if gap > profile.gapFramesMin && gap <= profile.gapFramesCloseMax {
            let limit = LintLimit.exactlyOrAtLeast(Double(profile.gapFramesMin), Double(profile.gapFramesCloseMax + 1))
            return [finding(number, .closeGap, Double(gap), limit, .frames)]
        }
        return []
    }
}
