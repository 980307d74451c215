import Testing
@testable import PDF2Struct

@Suite("Text")
struct TextTests {
    @Test("Ligatures are expanded, soft hyphens and zero-width characters removed, NFC applied")
    func normalisation() {
        #expect(TextNormalizer.normalize("e\u{FB03}cient \u{FB01}eld") == "efficient field")
        #expect(TextNormalizer.normalize("co\u{00AD}operate\u{200B}") == "cooperate")
        #expect(TextNormalizer.normalize("Cafe\u{0301}") == "Caf\u{00E9}")
        #expect(TextNormalizer.normalize("“quoted”—dash") == "“quoted”—dash")
    }

    @Test("Real compounds keep their hyphen at a line end")
    func compoundsKeepHyphen() {
        let dehyphenator = Dehyphenator()
        for (prefix, suffix) in [("U.S.-", "Japan"), ("post-", "Cold War"), ("self-", "defense"), ("long-", "standing"),
                                 ("n-", "tridecanal"), ("FHS-", "compliant"), ("well-", "known")] {
            #expect(!dehyphenator.joins(prefix: prefix, suffix: suffix), "\(prefix)\(suffix)")
        }
    }

    @Test("Words broken at a line end are joined")
    func brokenWordsJoin() {
        let dehyphenator = Dehyphenator()
        #expect(dehyphenator.joins(prefix: "the capabili-", suffix: "ties of both"))
        #expect(dehyphenator.joins(prefix: "inter-", suffix: "national"))
    }

    @Test("The document's own usage decides: a hyphenated form printed mid-line is kept")
    func documentEvidenceWins() {
        let vocabulary = Dehyphenator.vocabulary(of: ["the decision-making process", "decision-making is slow"])
        #expect(!Dehyphenator(vocabulary: vocabulary).joins(prefix: "decision-", suffix: "making"))
        let joined = Dehyphenator.vocabulary(of: ["selfhood matters"])
        #expect(Dehyphenator(vocabulary: joined).joins(prefix: "self-", suffix: "hood"))
    }

    @Test("Raised labels are read as note markers; ordinal suffixes are not")
    func markerLabels() {
        #expect(NoteMarkerText.labels(in: "12") == ["12"])
        #expect(NoteMarkerText.labels(in: "3,4") == ["3", "4"])
        #expect(NoteMarkerText.labels(in: "5–7") == ["5", "6", "7"])
        #expect(NoteMarkerText.labels(in: "†") == ["†"])
        #expect(NoteMarkerText.labels(in: "\u{00B3}") == ["3"])
        #expect(NoteMarkerText.labels(in: "th") == nil)
    }

    @Test("Composing lines removes markers, records their offsets and undoes line-end hyphens")
    func composeRemovesMarkers() {
        var first = SyntheticPage.runs("signed in 1996. The capabili-", y: 100)
        first.insert(SyntheticPage.marker("3", after: Array(first[0..<3])), at: 3)
        first[4].spaceBefore = true
        let line1 = LineBuilder(thresholds: Thresholds()).makeLine(first)
        let line2 = SyntheticPage.line("ties grew.", y: 114)
        let composed = TextComposer(dehyphenator: Dehyphenator()).compose([line1, line2])
        #expect(composed.text == "signed in 1996. The capabilities grew.")
        #expect(composed.references == [NoteReference(label: "3", offset: 15)])
    }
}

@Suite("Vocabulary on several threads")
struct ConcurrentVocabularyTests {
    @Test("The vocabulary counted on three threads equals the one-thread count, for a long document")
    func sameCountsOnThreads() throws {
        let document = try TestSupport.convert("part2")
        let texts = Array(repeating: document.blocks.map(\.text) + document.notes.map(\.text), count: 12).flatMap { $0 }
            + ["Kelvin: 5 \u{212A} and 5 K", "co-operate co\u{2010}operate"]
        #expect(texts.count >= 3 * Dehyphenator.minimumTextsPerThread)
        let single = Dehyphenator.vocabulary(of: texts)
        #expect(Dehyphenator.vocabulary(of: texts, threads: 3) == single)
    }
}

@Suite("Dehyphenation edge cases")
struct DehyphenationEdgeCaseTests {
    @Test("A compound prefix followed by a mere word ending is a broken word")
    func prefixThenEnding() {
        let dehyphenator = Dehyphenator()
        #expect(dehyphenator.joins(prefix: "staff short-", suffix: "ages and"))
        #expect(dehyphenator.joins(prefix: "high-", suffix: "ly"))
        #expect(!dehyphenator.joins(prefix: "short-", suffix: "term plans"))
    }
}
