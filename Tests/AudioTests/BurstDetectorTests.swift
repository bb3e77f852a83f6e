import Audio
import Testing

@Suite("Burst detection sums magnitudes exactly")
struct BurstDetectorTests {
    /// Σ|sample| as `Int`, one sample at a time.
    static func reference(_ samples: [Int16]) -> Int {
        var sum = 0
        for sample in samples { sum += abs(Int(sample)) }
        return sum
    }

    @Test("the 32-bit runs agree with an Int sum, also past one run of full-scale samples",
          arguments: [0, 1, 7, 160, BurstDetector.magnitudeRunMax - 1, BurstDetector.magnitudeRunMax + 1, 200_000])
    func magnitudeSum(count: Int) {
        // Every third sample full-scale negative, the others spread over the whole range.
        let samples = (0..<count).map { index in index % 3 == 0 ? Int16.min : Int16(truncatingIfNeeded: index &* 40_503) }
        let fullScale = [Int16](repeating: .min, count: count)
        #expect(fullScale.withUnsafeBufferPointer { BurstDetector.magnitudeSum($0, 0..<count) } == count * 32_768)
        #expect(samples.withUnsafeBufferPointer { BurstDetector.magnitudeSum($0, 0..<count) } == Self.reference(samples))
        let middle = count / 3..<count - count / 3
        #expect(samples.withUnsafeBufferPointer { BurstDetector.magnitudeSum($0, middle) }
            == Self.reference(Array(samples[middle])))
    }
}
