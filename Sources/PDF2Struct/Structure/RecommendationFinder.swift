import Foundation

/// Finds recommendations with the rules of `RecommendationRules`, in order of strength:
/// a paragraph or list item opening with a recommendation phrase (`opening`); a list item, or
/// a paragraph with a bold lead-in, under a heading that names recommendations (`section`); a
/// sentence of running prose saying a report recommended something (`sentence`). One
/// recommendation per item; each carries the headings above it.
struct RecommendationFinder: Sendable {
    var rules: RecommendationRules
    private let sectionPatterns: [ScreenedRegex]
    private let openingPatterns: [ScreenedRegex]
    private let sentencePatterns: [ScreenedRegex]
    /// For each sentence pattern, whether it is a `LocalPattern`: then a paragraph it does not
    /// match as a whole has no sentence it matches, and is not split. Any pattern is skipped
    /// for a paragraph without its `RequiredLiterals` (each sentence is part of the paragraph).
    private let sentencePatternIsLocal: [Bool]

    init(rules: RecommendationRules) throws {
        self.rules = rules
        func compile(_ list: [String]) throws -> [ScreenedRegex] {
            try list.map { try ScreenedRegex(pattern: $0, options: [.caseInsensitive]) }
        }
        sectionPatterns = try compile(rules.sectionHeadings)
        openingPatterns = try compile(rules.openings)
        sentencePatterns = try compile(rules.sentences)
        sentencePatternIsLocal = rules.sentences.map(LocalPattern.isLocal)
    }

    /// What the rules say of one block on its own, before the headings above it are known.
    private enum BlockMatch: Sendable {
        /// A heading, and whether it names a recommendations section.
        case heading(namesSection: Bool)
        /// A paragraph or list item opening with a recommendation phrase.
        case opening
        /// A paragraph or list item, with its sentences that match a sentence rule.
        case prose(sentences: [String])
        /// Any other block.
        case other
    }

    /// `boldLeadIn[i]` tells whether block i opens with bold words and goes on in regular type.
    /// The patterns are matched block by block on up to `threads` threads; the result is the
    /// same for any `threads`.
    func find(in blocks: [Block], boldLeadIn: [Bool], threads: Int = 1) -> [Recommendation] {
        let matches = blocks.concurrentMap(threads: threads) { block in match(block) }
        var found: [Recommendation] = []
        var path: [(level: Int, text: String, namesSection: Bool)] = []
        for (index, block) in blocks.enumerated() {
            if case .heading(let namesSection) = matches[index] {
                let level = block.level ?? 1
                path.removeAll { $0.level >= level }
                path.append((level, block.text, namesSection))
                continue
            }
            let sectionPath = path.map(\.text)
            func add(_ text: String, _ rule: String) {
                found.append(Recommendation(id: "r\(found.count + 1)", text: text, sectionPath: sectionPath,
                                            blockID: block.id, provenance: block.provenance[0], rule: rule))
            }
            let inSection = path.last?.namesSection ?? false
            switch matches[index] {
            case .opening:
                add(block.text, "opening")
            case .prose(let sentences):
                if inSection && (block.type == .listItem || boldLeadIn[index]) {
                    add(block.text, "section")
                } else {
                    for sentence in sentences { add(sentence, "sentence") }
                }
            case .heading, .other:
                continue
            }
        }
        return found
    }

    /// The rules applied to one block alone. The sentences of a paragraph are split and matched
    /// only when some sentence pattern may match it.
    private func match(_ block: Block) -> BlockMatch {
        if block.type == .heading { return .heading(namesSection: matches(sectionPatterns, block.text)) }
        guard block.type == .paragraph || block.type == .listItem else { return .other }
        if matches(openingPatterns, block.text) { return .opening }
        let patterns = sentencePatternsWorthSplitting(block.text)
        guard !patterns.isEmpty else { return .prose(sentences: []) }
        return .prose(sentences: Self.sentences(of: block.text).filter { matches(patterns, $0) })
    }

    /// The sentence patterns that may match a sentence of `text`: all but the local ones that
    /// do not match the whole text.
    private func sentencePatternsWorthSplitting(_ text: String) -> [ScreenedRegex] {
        zip(sentencePatterns, sentencePatternIsLocal).filter { pattern, isLocal in
            isLocal ? pattern.matches(text) : pattern.literals.mayMatch(text)
        }.map(\.0)
    }

    private func matches(_ patterns: [ScreenedRegex], _ text: String) -> Bool {
        patterns.contains { $0.matches(text) }
    }

    private static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "no", "st", "vs", "e.g", "i.e", "etc", "u.s", "u.n", "jan", "feb",
        "aug", "sept", "oct", "nov", "dec", "gen", "sen", "rep", "gov", "prof", "inc", "co",
    ]

    /// Splits prose into sentences at `.`, `!` or `?` followed by a space and a capital or quote,
    /// not after common abbreviations or single initials (`U.S.`, `Dr.`).
    static func sentences(of text: String) -> [String] {
        StandaloneScalars.withBytes(of: text, sentences(ofBytes:)) ?? sentences(ofCharacters: text)
    }

    /// True when the sentence ending in `terminator` (`.`, `!` or `?`) after `lastWord` (the
    /// word it closes, terminator dropped, lower-cased) ends there.
    private static func endsSentence(_ terminator: Unicode.Scalar, lastWord: String) -> Bool {
        let isInitial = lastWord.count == 1 || lastWord.contains(".")
        return terminator != "." || (!abbreviations.contains(lastWord) && !isInitial)
    }

    private static func sentences(ofCharacters text: String) -> [String] {
        var result: [String] = []
        var current = ""
        let characters = Array(text)
        var i = 0
        while i < characters.count {
            let ch = characters[i]
            current.append(ch)
            if ".!?".contains(ch), i + 2 < characters.count, characters[i + 1] == " ",
               characters[i + 2].isUppercase || "“\"‘(".contains(characters[i + 2]) {
                let lastWord = current.split(separator: " ").last.map { String($0.dropLast()).lowercased() } ?? ""
                if endsSentence(ch.unicodeScalars.first!, lastWord: lastWord) {
                    result.append(current.trimmingCharacters(in: .whitespaces))
                    current = ""
                }
            }
            i += 1
        }
        let rest = current.trimmingCharacters(in: .whitespaces)
        if !rest.isEmpty { result.append(rest) }
        return result
    }

    /// The same split over the UTF-8 of a text of standalone scalars, one character each.
    private static func sentences(ofBytes bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        var result: [String] = []
        var start = 0
        func appendTrimmed(_ end: Int) {
            var from = start, to = end
            while from < to {
                let (scalar, length) = bytes.scalar(at: from)
                guard ScalarTest.trimmedWhitespace(scalar) else { break }
                from += length
            }
            while to > from {
                let lastStart = bytes.scalarStart(before: to)
                guard ScalarTest.trimmedWhitespace(bytes.scalar(at: lastStart).scalar) else { break }
                to = lastStart
            }
            if from < to { result.append(bytes.string(from..<to)) }
        }
        var offset = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            let end = offset + 1
            // `.`, `!`, `?`, then a space and a capital or an opening quote or bracket.
            guard byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?"),
                  end + 1 < bytes.count, bytes[end] == 0x20 else {
                offset += 1
                continue
            }
            let next = bytes.scalar(at: end + 1).scalar
            guard ScalarTest.uppercase(next) || "“\"‘(".unicodeScalars.contains(next) else {
                offset += 1
                continue
            }
            var wordStart = offset
            while wordStart > start, bytes[wordStart - 1] != 0x20 { wordStart -= 1 }
            let lastWord = bytes.isASCII(wordStart..<offset) ? bytes.lowercasedASCII(wordStart..<offset)
                : bytes.string(wordStart..<offset).lowercased()
            if endsSentence(Unicode.Scalar(byte), lastWord: lastWord) {
                appendTrimmed(end)
                start = end
            }
            offset += 1
        }
        appendTrimmed(bytes.count)
        return result
    }
}
