/// Word and punctuation classes that decide where a line or cue may break.
package enum BreakWords {
    /// Ends a sentence: break after it freely.
    package static let sentenceEnd: Set<Character> = [".", "!", "?", "…", "。", "！", "？"]
    /// Ends a clause: a good place to break after.
    package static let clauseEnd: Set<Character> = [",", ";", ":", "—", "–", "，", "；", "：", "、"]
    /// Closing punctuation: written against the previous word, never starts a line.
    package static let closing: Set<Character> = [
        ",", ".", "!", "?", ";", ":", ")", "]", "}", "…", "%", "”", "’", "»",
        "，", "。", "！", "？", "；", "：", "、", "）", "」", "』", "》", "〉", "】",
    ]
    /// Opening punctuation: written against the next word, never ends a line.
    package static let opening: Set<Character> = ["(", "[", "{", "“", "‘", "«", "¿", "¡", "（", "「", "『", "《", "〈", "【"]
    /// Quotes that may follow sentence-end punctuation (`"Go."`).
    package static let closingQuotes: Set<Character> = ["\"", "'", "”", "’", "»", ")", "」", "』"]

    /// A line may break before these.
    package static let conjunctions: Set<String> = [
        "and", "but", "or", "nor", "so", "yet", "because", "although", "though", "while", "whereas", "if",
        "unless", "until", "when", "whenever", "where", "that", "which", "who", "whom", "whose", "than",
    ]
    package static let prepositions: Set<String> = [
        "about", "above", "across", "after", "against", "along", "among", "around", "at", "before", "behind",
        "below", "beneath", "beside", "between", "beyond", "by", "during", "except", "for", "from", "in",
        "inside", "into", "like", "near", "of", "off", "on", "onto", "outside", "over", "past", "since",
        "through", "throughout", "to", "toward", "towards", "under", "underneath", "upon", "with", "within",
        "without",
    ]
    /// Never break after these: they belong to the noun that follows.
    package static let determiners: Set<String> = [
        "a", "an", "the", "this", "these", "those", "my", "your", "his", "her", "its", "our", "their",
        "some", "any", "every", "each", "no",
    ]

    /// The word lowercased with surrounding punctuation removed, for lookups.
    package static func key(_ text: String) -> String {
        String(text.lowercased().drop { !$0.isLetter }.reversed().drop { !$0.isLetter }.reversed())
    }
}
