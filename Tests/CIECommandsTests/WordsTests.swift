import CIECommands
import Testing

@Suite struct WordsTests {
    @Test func spacesSeparateWords() {
        #expect(Words.split("  check   大通  --year 2020 ").words == ["check", "大通", "--year", "2020"])
    }

    @Test func quotesMakeOneWord() {
        let w = Words.split(#"load "my data.csv" 'it''s' --region "城中"区"#)
        #expect(w.words == ["load", "my data.csv", "its", "--region", "城中区"])
        #expect(w.openQuote == nil)
    }

    @Test func aHashAtAWordStartIsAComment() {
        #expect(Words.split("expect QH-06 大通 met   # 4.8 %").words == ["expect", "QH-06", "大通", "met"])
        #expect(Words.split("# only a comment").words.isEmpty)
        #expect(Words.split("load a#b.csv").words == ["load", "a#b.csv"])
        #expect(Words.split(##"show "#1" gdp"##).words == ["show", "#1", "gdp"])
    }

    @Test func aTrailingBackslashContinues() {
        let w = Words.split(#"check --status not_met \"#)
        #expect(w.continues)
        #expect(w.words == ["check", "--status", "not_met"])
        #expect(!Words.split(#"load "a \"#).continues)  // inside an open quote
        #expect(!Words.split(#"check # a comment \"#).continues)
    }

    @Test func anOpenQuoteIsReported() {
        let w = Words.split(#"load "unfinished"#)
        #expect(w.openQuote == "\"")
        #expect(w.words == ["load", "unfinished"])
    }

    @Test func theLastWordAsTypedIsKeptForCompletion() {
        #expect(Words.split("check 大通").lastRaw == "大通")
        #expect(Words.split(#"load "my da"#).lastRaw == #""my da"#)
        #expect(Words.split("check ").lastRaw == "")
        #expect(!Words.split("check ").endsInWord)
    }

    @Test func quotingRoundTrips() {
        for word in ["plain", "two words", #"say "hi""#, "#hash", ""] {
            #expect(Words.split("x " + Words.quote(word)).words == ["x", word])
        }
    }

    /// Fuzz/words.swift: a word that starts with a combining mark (U+0486) made one Character with its opening quote,
    /// so `quote` and `split` did not round-trip.
    @Test func aQuoteBeforeACombiningMarkIsStillAQuote() {
        // Fuzz/corpus/words/crash-quote-under-a-combining-mark: a quote inside a word with a mark on it (lan'\u{065F}) is a
        // quote to `split`, so `quote` must quote the word.
        for word in ["\u{0486}abc", "\u{0301}", "a b\u{0486}", "\u{0486}' x", "lan'\u{065F}", "a\"\u{0301}b"] {
            #expect(Words.split(Words.quote(word)).words == [word], "\(word.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
