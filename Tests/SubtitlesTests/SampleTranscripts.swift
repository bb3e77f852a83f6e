import Wire

/// Word-timed transcripts for segmentation tests, built from text with a fixed speaking rate.
enum SampleTranscripts {
    /// Words spoken back to back: each takes `msPerCharacter` per character plus `msPerWordGap`
    /// of silence after it, and `msPerSentencePause` more after sentence-ending punctuation.
    static func timed(
        _ words: [String], language: String, startMs: Int = 1_000, msPerCharacter: Int = 60,
        msPerWordGap: Int = 80, msPerSentencePause: Int = 600
    ) -> Transcript {
        var timed: [Word] = []
        var now = startMs
        for text in words {
            let end = now + msPerCharacter * text.count
            timed.append(Word(text: text, startSeconds: Double(now) / 1_000, endSeconds: Double(end) / 1_000))
            now = end + msPerWordGap
            if let last = text.last, ".?!。？！".contains(last) { now += msPerSentencePause }
        }
        let segment = Segment(
            id: 0, startSeconds: timed.first?.startSeconds ?? 0, endSeconds: timed.last?.endSeconds ?? 0,
            text: words.joined(separator: " "), words: timed)
        return Transcript(language: language, durationSeconds: Double(now) / 1_000, segments: [segment])
    }

    static let englishText = """
        Good evening, and welcome to the show. Tonight we are going to talk about the history of the city \
        and the people who built it. My guest is Maria Gonzalez, a historian who has spent twenty years \
        studying the old harbour. She will tell us why the river changed its course in the winter of 1854, \
        and what that meant for the families living on its banks. Thank you for joining us.
        """

    static var english: Transcript {
        timed(englishText.split(separator: " ").map(String.init), language: "en")
    }

    /// Chinese words as an engine such as FunASR or Whisper gives them: runs of characters, punctuation
    /// attached.
    static let chineseWords = [
        "大家好，", "欢迎", "收看", "今天", "的", "节目。", "今晚", "我们", "要", "聊一聊", "这座", "城市", "的", "历史，",
        "以及", "建造", "它", "的", "人们。", "我的", "嘉宾", "是", "一位", "研究", "老港口", "二十年", "的", "历史学家。",
        "她", "会", "告诉", "我们", "1854年", "冬天", "河流", "为什么", "改道。",
    ]

    static var chinese: Transcript {
        timed(chineseWords, language: "zh", msPerCharacter: 180, msPerWordGap: 40)
    }
}
