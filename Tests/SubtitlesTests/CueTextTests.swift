import Subtitles
import Testing

@Suite("Cue text escapes and markup")
struct CueTextTests {
    @Test("WebVTT text decodes references and drops tags", arguments: [
        ("Fish &amp; chips", "Fish & chips"),
        ("&lt;3 &gt; 2", "<3 > 2"),
        ("a&nbsp;b&lrm;c&rlm;", "a\u{00A0}b\u{200E}c\u{200F}"),
        ("&quot;hi&apos;", "\"hi'"),
        ("&#38;&#x26;&#X3C;", "&&<"),
        ("&unknown; &amp &#xZZ;", "&unknown; &amp &#xZZ;"),
        ("<v Roger>Hi</v> <c.loud>there</c>", "Hi there"),
        ("<00:01.000>timed<b>bold", "timedbold"),
        ("unclosed <i", "unclosed "),
    ])
    func plainFromWebVTT(markup: String, plain: String) {
        #expect(CueText.plainFromWebVTT(markup) == plain)
    }

    @Test("plain text is escaped for WebVTT so markup and arrows cannot appear", arguments: [
        ("A & B", "A &amp; B"),
        ("x --> y", "x --&gt; y"),
        ("<i>not a tag</i>", "&lt;i&gt;not a tag&lt;/i&gt;"),
        ("plain", "plain"),
    ])
    func escape(plain: String, escaped: String) {
        #expect(CueText.escapeWebVTT(plain) == escaped)
        #expect(CueText.plainFromWebVTT(escaped) == plain)
    }

    @Test("SRT text drops the common tags only", arguments: [
        ("<i>Hi</i> <B>there</B>", "Hi there"),
        ("<font color=\"red\">red</font>", "red"),
        ("1 < 2 and 3 > 2", "1 < 2 and 3 > 2"),
        ("<br> stays", "<br> stays"),
    ])
    func plainFromSRT(markup: String, plain: String) {
        #expect(CueText.plainFromSRT(markup) == plain)
    }
}
