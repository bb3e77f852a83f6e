/// Finds the non-silent stretches ("bursts") of mono audio by short-time energy, the way a simple
/// voice-activity detector does. Deterministic integer arithmetic; no floating-point drift across builds.
public struct BurstDetector: Sendable {
    /// Analysis frame length.
    public var frameMs = 10
    /// A frame is voiced when its mean absolute amplitude exceeds this (of 32767).
    public var amplitudeThreshold = 400
    /// Silences shorter than this inside a burst do not split it.
    public var gapMsMin = 60
    /// Bursts shorter than this are dropped as clicks.
    public var burstMsMin = 40

    public init() {}

    /// A burst: where it starts and ends (sample indices, on 10 ms frame boundaries) and its zero-crossing rate.
    public struct Burst: Sendable, Equatable {
        public var startSample: Int
        public var endSample: Int
        /// Estimated dominant frequency in hertz (zero crossings / 2 / duration).
        public var frequencyHz: Int
    }

    public func bursts(in samples: [Int16], sampleRate: Int) -> [Burst] {
        let frameSamples = max(1, sampleRate * frameMs / 1000)
        var voiced: [Bool] = []
        voiced.reserveCapacity(samples.count / frameSamples + 1)
        samples.withUnsafeBufferPointer { samples in
            var start = 0
            while start < samples.count {
                let end = min(samples.count, start + frameSamples)
                voiced.append(Self.magnitudeSum(samples, start..<end) / (end - start) > amplitudeThreshold)
                start = end
            }
        }
        return merge(runs(voiced), frameSamples: frameSamples, sampleRate: sampleRate)
            .map { burst(samples, $0.lowerBound * frameSamples, min(samples.count, $0.upperBound * frameSamples), sampleRate) }
    }

    /// Σ|sample| over `range`, in 32-bit lanes (twice as many per vector as `Int`) over runs short
    /// enough that they cannot overflow: `magnitudeRunMax` × 32768 = 2³¹ < 2³².
    package static func magnitudeSum(_ samples: UnsafeBufferPointer<Int16>, _ range: Range<Int>) -> Int {
        var total = 0
        var runStart = range.lowerBound
        while runStart < range.upperBound {
            let runEnd = min(range.upperBound, runStart + magnitudeRunMax)
            var sum: UInt32 = 0
            for index in runStart..<runEnd { sum &+= UInt32(samples[index].magnitude) }
            total += Int(sum)
            runStart = runEnd
        }
        return total
    }

    /// Samples summed in one 32-bit run by `magnitudeSum`.
    package static let magnitudeRunMax = 65_536

    private func runs(_ voiced: [Bool]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var runStart: Int?
        for (index, isVoiced) in voiced.enumerated() {
            if isVoiced, runStart == nil { runStart = index }
            if !isVoiced, let begin = runStart { result.append(begin..<index); runStart = nil }
        }
        if let begin = runStart { result.append(begin..<voiced.count) }
        return result
    }

    private func merge(_ runs: [Range<Int>], frameSamples: Int, sampleRate: Int) -> [Range<Int>] {
        let gapFrames = gapMsMin / frameMs
        let burstFrames = burstMsMin / frameMs
        var merged: [Range<Int>] = []
        for run in runs {
            if let last = merged.last, run.lowerBound - last.upperBound < gapFrames {
                merged[merged.count - 1] = last.lowerBound..<run.upperBound
            } else {
                merged.append(run)
            }
        }
        return merged.filter { $0.count >= burstFrames }
    }

    private func burst(_ samples: [Int16], _ start: Int, _ end: Int, _ sampleRate: Int) -> Burst {
        // Frequency from the span between the first and last zero crossing, so the silent edges of
        // the burst's frames do not dilute it.
        var crossings = 0
        var first = -1
        var last = -1
        for index in (start + 1)..<max(start + 1, end) where (samples[index - 1] < 0) != (samples[index] < 0) {
            crossings += 1
            if first < 0 { first = index }
            last = index
        }
        let span = last - first
        let frequency = crossings > 1 && span > 0 ? ((crossings - 1) * sampleRate + span) / (2 * span) : 0
        return Burst(startSample: start, endSample: end, frequencyHz: frequency)
    }
}
