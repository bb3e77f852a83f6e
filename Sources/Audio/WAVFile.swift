/// A 16-bit PCM WAV file: the one audio format the reference engine, the conformance runner and the
/// simulator use. Pure: bytes in, samples out (reading files is the caller's job).
public struct WAVFile: Sendable, Equatable {
    public var sampleRate: Int
    public var channels: Int
    /// Interleaved samples (frame after frame, channel after channel).
    public var samples: [Int16]

    public init(sampleRate: Int, channels: Int, samples: [Int16]) {
        precondition(sampleRate > 0 && (1...2).contains(channels), "bad WAV shape \(sampleRate) Hz × \(channels)")
        self.sampleRate = sampleRate
        self.channels = channels
        self.samples = samples
    }

    public var frameCount: Int { samples.count / channels }
    public var durationSeconds: Double { Double(frameCount) / Double(sampleRate) }

    /// One sample per frame: stereo frames averaged.
    public func monoSamples() -> [Int16] {
        guard channels == 2 else { return samples }
        var mono: [Int16] = []
        mono.reserveCapacity(frameCount)
        for frame in 0..<frameCount {
            let sum = Int(samples[2 * frame]) + Int(samples[2 * frame + 1])
            mono.append(Int16(sum / 2))
        }
        return mono
    }
}

/// Why bytes are not a WAV file we accept. Codes are stable; messages are for people.
public struct WAVError: Error, Sendable, Equatable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let id: String
        public var description: String { id }
        public static let notRIFF = Code(id: "not_riff")
        public static let notWAVE = Code(id: "not_wave")
        public static let missingFormat = Code(id: "missing_fmt_chunk")
        public static let unsupportedEncoding = Code(id: "unsupported_encoding")
        public static let missingData = Code(id: "missing_data_chunk")
        public static let truncated = Code(id: "truncated")
    }

    public var code: Code
    public var detail: String
    public var description: String { "\(code): \(detail)" }

    public init(_ code: Code, _ detail: String) {
        self.code = code
        self.detail = detail
    }
}
