import Foundation

/// Finds recommendations with the rules of `RecommendationRules`, in order of strength:
/// a paragraph or list item opening with a recommendation phrase (`opening`); a list item, or
/// a paragraph with a bold lead-in, under a heading that names recommendations (`section`); a
/// sentence of running prose saying a report recommended something (`sentence`). One
/// recommendation per item; each carries the headings above it.
struct RecommendationFinder {
    var rules: RecommendationRules
    private let sectionPatterns: [NSRegularExpression]
    private let openingPatterns: [NSRegularExpression]
    private let sentencePatterns: [NSRegularExpression]

    init(rules: RecommendationRules) throws {
        self.rules = rules
        func compile(_ list: [String]) throws -> [NSRegularExpression] {
            try list.map { try NSRegularExpression(pattern: $0, options: [.caseInsensitive]) }
        }
        sectionPatterns = try compile(rules.sectionHeadings)
        openingPatterns = try compile(rules.openings)
        sentencePatterns = try compile(rules.sentences)
    }

    /// `boldLeadIn[i]` tells whether block i opens with bold words and goes on in regular type.
    func find(in blocks: [Block], boldLeadIn: [Bool]) -> [Recommendation] {
        var found: [Recommendation] = []
        var path: [(level: Int, text: String)] = []
        for (index, block) in blocks.enumerated() {
            if block.type == .heading {
                let level = block.level ?? 1
                path.removeAll { $0.level >= level }
                path.append((level, block.text))
                continue
            }
            guard block.type == .paragraph || block.type == .listItem else { continue }
            let sectionPath = path.map(\.text)
            func add(_ text: String, _ rule: String) {
                found.append(Recommendation(id: "r\(found.count + 1)", text: text, sectionPath: sectionPath,
                                            blockID: block.id, provenance: block.provenance[0], rule: rule))
            }
            let inSection = path.last.map { matches(sectionPatterns, $0.text) } ?? false
            if matches(openingPatterns, block.text) {
                add(block.text, "opening")
            } else if inSection && (block.type == .listItem || boldLeadIn[index]) {
                add(block.text, "section")
            } else {
                for sentence in Self.sentences(of: block.text) where matches(sentencePatterns, sentence) {
                    add(sentence, "sentence")
                }
            }
        }
        return found
    }

    private func matches(_ patterns: [NSRegularExpression], _ text: String) -> Bool {
        let range = NSRange(text.startIndex..., in: text)
        return patterns.contains { $0.firstMatch(in: text, range: range) != nil }
    }

    /// Splits prose into sentences at `.`, `!` or `?` followed by a space and a capital or quote,
    /// not after common abbreviations or single initials (`U.S.`, `Dr.`).
    static func sentences(of text: String) -> [String] {
        let abbreviations: Set<String> = ["mr", "mrs", "ms", "dr", "no", "st", "vs", "e.g", "i.e", "etc", "u.s", "u.n", "jan", "feb",
                                          "aug", "sept", "oct", "nov", "dec", "gen", "sen", "rep", "gov", "prof", "inc", "co"]
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
                let isInitial = lastWord.count == 1 || lastWord.contains(".")
                if ch != "." || (!abbreviations.contains(lastWord) && !isInitial) {
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
}
