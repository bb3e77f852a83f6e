import Subtitles
import Testing
import Wire

@Suite("Segmentation")
struct SegmenterTests {
    @Test("scratch")
    func scratch() {
        for (profile, transcript) in [(SubtitleProfile.netflixEnglish, SampleTranscripts.english), (.netflixSimplifiedChinese, SampleTranscripts.chinese)] {
            let document = Segmenter(profile: profile).document(for: transcript)
            print(SRTWriter.write(document))
        }
    }
}
