import Foundation
import Testing
import PopplerText
@testable import PDF2Struct

/// The fast paths of the text layer promise the answers of the slow code they stand in for;
/// these tests hold them to that promise on small tricky inputs.
@Suite("Text fast paths")
struct TextFastPathTests {
    /// Every scalar `StandaloneScalars` lists in the Basic Multilingual Plane (asked one by one;
    /// the test below checks that scalars beyond it are not listed).
    private static let standaloneScalars: [Unicode.Scalar] = (UInt32(0)...0xFFFF).compactMap { value in
        guard let scalar = Unicode.Scalar(value), StandaloneScalars.contains(scalar) else { return nil }
        return scalar
    }

    @Test("Every standalone scalar stays a character of its own next to any other standalone scalar")
    func standaloneScalarsNeverCluster() {
        let all = Self.standaloneScalars.map { String($0) }
        #expect(all.count > 500)
        // `left r1 left r2 … left rn left`: every listed scalar after and before `left`.
        for left in all {
            let text = left + all.joined(separator: left) + left
            #expect(text.count == 2 * all.count + 1, "U+\(String(left.unicodeScalars.first!.value, radix: 16, uppercase: true))")
        }
    }

    @Test("Carriage return, combining marks, joiners and singleton decompositions are not standalone")
    func standaloneScalarsLeaveOutClusterers() {
        for scalar: Unicode.Scalar in ["\r", "\u{0301}", "\u{00AD}", "\u{200D}", "\u{212A}", "\u{0387}", "\u{1F1E6}", "\u{AC00}",
                                        "\u{10000}", "\u{1D400}", "\u{1F600}", "\u{E0001}", "\u{10FFFD}"] {
            #expect(!StandaloneScalars.contains(scalar), "U+\(String(scalar.value, radix: 16, uppercase: true))")
        }
        #expect(StandaloneScalars.withBytes(of: "Cafe\u{0301}") { _ in true } == nil)
        #expect(StandaloneScalars.withBytes(of: "line\r\nnext") { _ in true } == nil)
        #expect(StandaloneScalars.withBytes(of: "caf\u{00E9} \u{FB01}eld — 5 €") { $0.count } == "caf\u{00E9} \u{FB01}eld — 5 €".utf8.count)
    }

    @Test("The scalar tests answer as the Character property of the scalar alone")
    func scalarTestsMatchCharacterProperties() {
        for value in UInt32(0)..<0x3100 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let character = Character(scalar)
            #expect(ScalarTest.whitespace(scalar) == character.isWhitespace, "U+\(String(value, radix: 16))")
            #expect(ScalarTest.uppercase(scalar) == character.isUppercase, "U+\(String(value, radix: 16))")
            #expect(ScalarTest.trimmedWhitespace(scalar) == CharacterSet.whitespaces.contains(scalar), "U+\(String(value, radix: 16))")
        }
    }

    /// Texts where whitespace handling is easy to get wrong: runs, ends, non-breaking and
    /// Unicode separators, CR-LF (which leaves the fast path), scalars outside the list.
    private static let whitespaceTexts = [
        "", " ", "   ", "a", " a", "a ", "a b", "a  b", " a  b ", "\ta\n\nb\t", "a\u{000B}b\u{000C}c",
        "a\u{00A0}b", "a \u{00A0} b", "a\u{2028}b\u{2029}c", "a\u{0085}b", "a\u{1680}b", "a\u{2000}\u{200A}b",
        "a\u{202F}b", "a\u{205F}b", "a\u{3000}b", "a\r\nb", "a\rb", "e\u{0301} \u{0301}x", "\u{FB01}eld  \u{FFFD}",
        "caf\u{00E9}\u{00A0}\u{00A0}na\u{00EF}ve —  “quoted”  ", "x\u{2027} y\u{2030}",
    ]

    @Test("Collapsing whitespace equals splitting at whitespace characters and joining with single spaces")
    func collapseWhitespaceMatchesDefinition() {
        var texts = Self.whitespaceTexts
        // Pairs of the pieces above, so runs of mixed whitespace meet across them.
        for a in Self.whitespaceTexts.prefix(12) { for b in Self.whitespaceTexts { texts.append(a + b) } }
        for text in texts {
            let expected = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            #expect(TextNormalizer.collapseWhitespace(text) == expected, "\(text.unicodeScalars.map(\.value))")
        }
    }

    @Test("The document vocabulary counts words as splitting, trimming punctuation and lower-casing does")
    func vocabularyMatchesDefinition() {
        let punctuation = CharacterSet.punctuationCharacters.subtracting(CharacterSet(charactersIn: "-"))
        for text in Self.whitespaceTexts + [
            "The (decision-making) process, “Self-Defense”; well-", "ÉTAT d’urgence: État… état!",
            "\u{FB01}eld FIELD \u{FB01}eld.", "U.S.-Japan «ties» [sic] -- — a-", "Kelvin \u{212A} K \u{0130}stanbul",
        ] {
            var expected: [String: Int] = [:]
            for word in text.split(whereSeparator: { $0.isWhitespace }) {
                let trimmed = word.trimmingCharacters(in: punctuation)
                guard !trimmed.isEmpty, !trimmed.hasSuffix("-") else { continue }
                expected[trimmed.lowercased(), default: 0] += 1
            }
            #expect(Dehyphenator.vocabulary(of: [text]) == expected, "\(text)")
        }
    }

    @Test("Counting thousands of distinct words, short and long, gives each its own count")
    func vocabularyKeepsManyWordsApart() {
        // Words of 1 to 20 letters, repeated i % 3 + 1 times, in mixed case: more distinct
        // short words than any first table holds, and words either side of 15 bytes.
        var expected: [String: Int] = [:]
        var words: [String] = []
        for i in 0..<3000 {
            let length = i % 20 + 1
            let word = String(repeating: "ab", count: 10).prefix(length - 1) + String(i, radix: 36)
            for repeat_ in 0...(i % 3) { words.append(repeat_ == 1 ? word.uppercased() : String(word)) }
            expected[word.lowercased(), default: 0] += i % 3 + 1
        }
        #expect(Dehyphenator.vocabulary(of: [words.joined(separator: " ")]) == expected)
    }

    @Test("A raised token of digits, small letters, * and # is one label exactly when the label pattern says so")
    func plainMarkerTokensFollowTheLabelPattern() {
        var tokens: [String] = []
        var level = [""]
        for _ in 1...4 {
            level = level.flatMap { prefix in "09aivxz*#".map { prefix + String($0) } }
            tokens += level
        }
        var romans = ["i", "v", "x"]
        for _ in 2...6 {
            romans = romans.flatMap { prefix in ["i", "v", "x"].map { prefix + $0 } }
            tokens += romans
        }
        for token in tokens {
            #expect(NoteMarkerText.labels(in: token) == (NoteMarkerText.isLabel(token) ? [token] : nil), "\(token)")
        }
    }

    @Test("The composer's text answers for its end as the String of its bytes would")
    func growingTextEndsAnswerAsString() {
        let pieces = ["", "a", "word -", "word ", "U.S.-", "self-", "e\u{0301} -", "e\u{0301} ", "\u{0600} -", "\u{0600} ",
                      "\r -", "\r ", " -", " ", "-", "caf\u{00E9}-", "caf\u{00E9} -", "x\u{2010}", "\u{00E9}\u{2010}",
                      "1-", "a.-", "\u{FB01}-", "\u{0915}\u{094D}-"]
        for first in pieces {
            for second in pieces {
                let whole = first + second
                var text = GrowingText(capacity: 0)
                text.append(first)
                text.append(second)
                #expect(text.string == whole)
                #expect(text.endsWithSpace() == whole.hasSuffix(" "), "\(whole.unicodeScalars.map(\.value))")
                #expect(text.endsWithSpacedHyphen() == whole.hasSuffix(" -"), "\(whole.unicodeScalars.map(\.value))")
                let beforeLast = whole.dropLast().last
                let hyphenAfterWord = (whole.last == "-" || whole.last == "\u{2010}") && (beforeLast?.isLetter == true || beforeLast == ".")
                #expect(text.endsWithHyphen() == hyphenAfterWord, "\(whole.unicodeScalars.map(\.value))")
                if whole.last == "-" || whole.last == "\u{2010}" {
                    var trimmed = text
                    trimmed.removeFinalHyphen()
                    #expect(trimmed.string == String(whole.dropLast()))
                }
                if whole.hasSuffix(" -") {
                    var closed = text
                    closed.closeSpacedHyphen()
                    #expect(closed.string == String(whole.dropLast(2)) + "-")
                }
            }
        }
    }

    /// Patterns with alternation, classes, quantifiers, groups and assertions, and texts for them.
    private static let screenedPatterns = [
        #"\b(recommended|urged)\s+that\b"#, #"(?:should|must)\s+be"#, #"[a-z]{2}\d+ report"#, "colou?r",
        "ab+c", "x{2,3}y", #"final\s+(report|study)"#, #"\bkey\b"#, "(?i)stop|halt", #"s\.t\.a\.t"#,
        #"what\b.{0,40}\bdo\b"#, #"(?<=the )board"#, "(?:a|)b", #"\bfirst"#,
        #"^we (strongly )?recommend\b"#, #"^recommendation\s+(no\.?\s*)?[0-9ivxlc]+"#, #"^s\.t"#, "^key|halt", "^ab?c", "^first",
    ]
    private static let screenedTexts = [
        "The panel RECOMMENDED  that the city act.", "It Urged\tThat.", "Rates should be cut.", "MUST BE",
        "see AB12 report", "the colour red", "COLOR", "abbbc", "ABC", "xxy", "xy", "Final Report", "ﬁnal report",
        "the \u{212A}EY point", "key", "ſtop now", "HALT", "S.T.A.T", "what shall we do", "The Board met",
        "b", "ﬁrst light", "first", "nothing here at all", "",
        "We recommend that", "WE STRONGLY recommend it", " we recommend", "we", "Recommendation 3: act",
        "recommendation No. iv", "Our recommendation 3", "ac", "\u{212A}ey halt",
    ]

    @Test("A regex is never skipped on a text it matches, ligatures and case-folding signs included")
    func screenedRegexAnswersAsTheRegex() throws {
        var skipped = 0
        for pattern in Self.screenedPatterns {
            let screened = try ScreenedRegex(pattern: pattern, options: [.caseInsensitive])
            for text in Self.screenedTexts {
                let matches = screened.regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
                #expect(screened.matches(text) == matches, "\(pattern) on \(text)")
                if matches { #expect(screened.literals.mayMatch(text), "\(pattern) on \(text)") }
                if !screened.literals.mayMatch(text) { skipped += 1 }
            }
        }
        // The screen does turn texts away, or it would prove nothing.
        #expect(skipped > 100)
    }

    @Test("Required literals are read off alternations and sequences, and absent for what the reader cannot tell")
    func requiredLiteralsOfPatterns() {
        func literals(_ pattern: String) -> [String]? {
            RequiredLiterals(pattern: pattern).alternatives?.map { String(decoding: $0, as: UTF8.self) }
        }
        #expect(literals(#"\b(recommended|urged)\s+that"#) == ["recommended", "urged"])
        #expect(literals("Final Report") == ["final report"])
        #expect(literals("colou?r") == ["colo"])
        #expect(literals("(?:a|)b") == ["b"])
        #expect(literals("x*") == nil)
        #expect(literals(#"\Qa.b\E"#) == nil)
        #expect(literals(#"\x{41}bc"#) == nil)
        #expect(literals("a)") == nil)
    }

    @Test("The opening literal of a start-anchored pattern is read up to the first thing that is not one")
    func anchoredPrefixesOfPatterns() {
        func prefix(_ pattern: String, lines: Bool = false) -> String {
            String(decoding: AnchoredPrefix(pattern: pattern, anchorsMatchLines: lines).bytes, as: UTF8.self)
        }
        #expect(prefix(#"^we (strongly )?recommend\b"#) == "we ")
        #expect(prefix(#"^Recommendation\s+"#) == "recommendation")
        #expect(prefix(#"^U\.S\. policy"#) == "u.s. policy")
        #expect(prefix("^colou?r") == "colo")
        #expect(prefix("^ab{2}") == "a")
        #expect(prefix("recommend") == "")
        #expect(prefix("^we recommend", lines: true) == "")
        #expect(prefix("^we|they") == "")
        #expect(prefix("^(?i)we") == "")
        #expect(prefix(#"^\d+ items"#) == "")
        #expect(!AnchoredPrefix(pattern: "^we ", anchorsMatchLines: false).mayMatch("We"))
        #expect(!AnchoredPrefix(pattern: "^we ", anchorsMatchLines: false).mayMatch(" we recommend"))
        #expect(AnchoredPrefix(pattern: "^we ", anchorsMatchLines: false).mayMatch("WE recommend"))
    }

    @Test("A scalar that changes under case folding lets every text through")
    func foldingScalarsAreNotScreened() {
        let literals = RequiredLiterals(pattern: "kelvin")
        #expect(!literals.mayMatch("celsius"))
        #expect(literals.mayMatch("\u{212A}ELVIN"))
        #expect(literals.mayMatch("\u{FB01} kelvi"))
        #expect(literals.mayMatch("KeLvIn"))
    }

    @Test("Anchors, lookaround, atomic and possessive parts, quoting and inline flags make a pattern non-local")
    func localPatternRejectsContextualSyntax() {
        for pattern in ["^recommend", "that$", "(?<=the )board", "(?<!not )urged", "board(?= urged)", "board(?! met)",
                        "(?>ab)c", "a++", "a*+b", "(?i)board", #"\Aboard"#, #"board\z"#, #"\Qa.b\E"#, #"\Gx"#, "[]a]"] {
            #expect(!LocalPattern.isLocal(pattern), "\(pattern)")
        }
        for pattern in [#"\b(report|panel)\b[^.;]{0,80}\b(recommended|urged)\s+that\b"#, "(?:a|b)+c", "[^$^]x",
                        #"\p{Lu}{2}"#, #"\$\^"#, "a+b?c*"] {
            #expect(LocalPattern.isLocal(pattern), "\(pattern)")
        }
    }

    @Test("A sentence rule with an anchor or a lookbehind finds the sentences it matches inside a paragraph")
    func contextualSentenceRulesStillFind() throws {
        var rules = RecommendationRules()
        rules.openings = []
        rules.sectionHeadings = []
        rules.sentences = [#"^the panel urged"#, #"(?<!rose\. )Board urged"#, #"act now\.$"#]
        let text = "Costs rose. Board urged a pause. Later the plan changed. The panel urged a review. Residents asked them to act now. Nothing else."
        let block = Block(id: "b1", type: .paragraph, text: text,
                          provenance: [Provenance(part: 1, page: 1, bbox: PageRect(x0: 0, y0: 0, x1: 1, y1: 1))])
        let found = try RecommendationFinder(rules: rules).find(in: [block], boldLeadIn: [false])
        #expect(found.map(\.text) == ["Board urged a pause.", "The panel urged a review.", "Residents asked them to act now."])
        // None of the three matches the paragraph as a whole.
        for pattern in rules.sentences {
            let regex = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
            #expect(regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil, "\(pattern)")
        }
    }

    @Test("The byte tests agree with the scalar properties for every byte")
    func byteTestsAgreeWithScalars() {
        for byte in UInt8.min...UInt8.max {
            let scalar = Unicode.Scalar(byte)
            #expect(byte.isASCIIDigit == (scalar.isASCII && scalar.properties.numericType == .decimal), "\(byte)")
            #expect(byte.isPrintableASCII == (scalar.isASCII && (scalar == " " || scalar.properties.isGraphemeBase)), "\(byte)")
            let lowered = byte < 0x80 ? UInt8(String(scalar).lowercased().utf8.first!) : byte
            #expect(byte.lowercasedASCII == lowered, "\(byte)")
        }
    }
}
