import Foundation
import PopplerText

/// Gives each heading its level. Precedence of evidence:
/// 1. the PDF outline, when the heading's text matches a bookmark pointing at its page (±1);
///    an outline whose single root is the document title is read one level down;
/// 2. the heading's numbering (`1.` → 1, `1.1` → 2, `A.` → 2…);
/// 3. front-matter and back-matter labels (`Contents`, `Foreword`, `Notes`…) are top-level
///    and their often unique styles do not form a tier of their own;
/// 4. its style: headings that share a style share the level the evidence above gave most of
///    them; a style with no evidence sits one level below the nearest more prominent style.
public struct HeadingLevelResolver: Sendable {
    public var thresholds: Thresholds

    public init(thresholds: Thresholds) {
        self.thresholds = thresholds
    }

    public struct Candidate: Sendable {
        public var text: String
        public var style: HeadingStyle
        public var part: Int
        public var page: Int

        public init(text: String, style: HeadingStyle, part: Int, page: Int) {
            self.text = text
            self.style = style
            self.part = part
            self.page = page
        }
    }

    /// Levels (1…6) for the candidates, in the same order. `outlines[k]` is part k+1's outline.
    public func resolve(_ candidates: [Candidate], outlines: [[OutlineItem]], title: String?) -> [Int] {
        let bookmarks = outlines.enumerated().flatMap { part, outline in flatten(outline, title: title).map { ($0, part + 1) } }
        var evidence: [Int?] = candidates.map { candidate in
            let normal = Self.normalize(candidate.text)
            if let hit = bookmarks.first(where: { entry, part in
                part == candidate.part && abs(entry.page - candidate.page) <= 1
                    && Self.isSimilar(Self.normalize(entry.title), normal, atLeast: thresholds.outlineMatchRatio)
            }) {
                return hit.0.depth
            }
            return HeadingNumbering.level(of: candidate.text) ?? (Self.isMatterLabel(candidate.text) ? 1 : nil)
        }
        let tiered = candidates.indices.filter { !Self.isMatterLabel(candidates[$0].text) }
        // Style levels from the evidence.
        var votes: [HeadingStyle: [Int: Int]] = [:]
        for i in tiered {
            if let level = evidence[i] { votes[candidates[i].style, default: [:]][level, default: 0] += 1 }
        }
        // isMoreProminent orders distinct styles totally, so this order is deterministic.
        var uses: [HeadingStyle: Int] = [:]
        for i in tiered { uses[candidates[i].style, default: 0] += 1 }
        let styles = uses.keys.sorted { a, b in a.isMoreProminent(than: b) }
        // A style used by one heading only (a cover line, a one-off label) forms no tier of its
        // own when other styles recur: it takes the level of the next recurring style below it.
        let recurring = styles.filter { uses[$0, default: 0] > 1 || votes[$0] != nil }
        let tierStyles = recurring.isEmpty ? styles : recurring
        var styleLevel: [HeadingStyle: Int] = [:]
        var previous = 0
        for style in tierStyles {
            if let counts = votes[style], let best = counts.max(by: { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }) {
                styleLevel[style] = best.key
                previous = best.key
            } else {
                previous = min(thresholds.maxStyleLevel, previous + 1)
                styleLevel[style] = previous
            }
        }
        for style in styles where styleLevel[style] == nil {
            let below = tierStyles.first { !$0.isMoreProminent(than: style) }
            styleLevel[style] = below.flatMap { styleLevel[$0] } ?? previous
        }
        for i in evidence.indices where evidence[i] == nil { evidence[i] = styleLevel[candidates[i].style] ?? 1 }
        return evidence.map { min(6, max(1, $0 ?? 1)) }
    }

    private struct Bookmark {
        var title: String
        var page: Int
        var depth: Int
    }

    private func flatten(_ outline: [OutlineItem], title: String?) -> [Bookmark] {
        var items = outline
        if items.count == 1, let title, Self.isSimilar(Self.normalize(items[0].title), Self.normalize(title), atLeast: thresholds.outlineMatchRatio) {
            items = items[0].children
        }
        var result: [Bookmark] = []
        func walk(_ list: [OutlineItem], depth: Int) {
            for item in list {
                result.append(Bookmark(title: item.title, page: item.page, depth: depth))
                walk(item.children, depth: depth + 1)
            }
        }
        walk(items, depth: 1)
        return result
    }

    /// The names of a table of contents (normalised), among the matter labels.
    static let contentsLabels: Set<String> = ["contents", "table of contents"]

    static let matterLabels: Set<String> = contentsLabels.union([
        "foreword", "preface", "acknowledgments", "acknowledgements", "abstract",
        "executive summary", "summary", "notes", "endnotes", "references", "bibliography", "glossary",
        "abbreviations", "list of abbreviations", "index", "about the authors", "about the author",
    ])

    /// True for the name of a front- or back-matter section.
    static func isMatterLabel(_ text: String) -> Bool { matterLabels.contains(normalize(text)) }

    /// Lower-cased letters and digits separated by single spaces.
    static func normalize(_ text: String) -> String {
        if let plain = normalizeStandalonePunctuated(text) { return plain }
        let folded = text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : " " }
        return String(folded).split(separator: " ").joined(separator: " ")
    }

    /// `normalize` for text of ASCII and the punctuation of U+2010–U+2027 and U+2030–U+205E
    /// (no letters or digits there, each scalar a character of its own) byte by byte; nil for
    /// any other text.
    private static func normalizeStandalonePunctuated(_ text: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var gap = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            guard value < 0x80 else {
                guard (0x2010...0x2027).contains(value) || (0x2030...0x205E).contains(value) else { return nil }
                gap = true
                continue
            }
            var byte = UInt8(value)
            if (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) { byte += 0x20 }
            guard (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else {
                gap = true
                continue
            }
            if gap && !out.isEmpty { out.append(UInt8(ascii: " ")) }
            gap = false
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A similarity in 0…1 from the longest common subsequence of characters.
    static func similarity(_ a: String, _ b: String) -> Double {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        guard !x.isEmpty || !y.isEmpty else { return 1 }
        guard !x.isEmpty, !y.isEmpty, x.count < 400, y.count < 400 else { return a == b ? 1 : 0 }
        // Two rows of the table, swapped after each row; column 0 stays 0 in both.
        var previous = [Int](repeating: 0, count: y.count + 1)
        var current = previous
        for i in 1...x.count {
            for j in 1...y.count {
                current[j] = x[i - 1] == y[j - 1] ? previous[j - 1] + 1 : max(previous[j], current[j - 1])
            }
            swap(&previous, &current)
        }
        return 2 * Double(previous[y.count]) / Double(x.count + y.count)
    }

    /// `similarity(a, b) >= ratio`, without the subsequence table when the scalars the two
    /// have in common (each as often as both have it), an upper bound on the subsequence,
    /// already fall short of the ratio.
    static func isSimilar(_ a: String, _ b: String, atLeast ratio: Double) -> Bool {
        let n = a.unicodeScalars.count, m = b.unicodeScalars.count
        if n > 0, m > 0, n < 400, m < 400, 2 * Double(sharedScalars(a, b)) / Double(n + m) < ratio { return false }
        return similarity(a, b) >= ratio
    }

    /// How many scalars of `a` can be paired with an equal one of `b`, counting ASCII scalars
    /// one by one and the rest together (which can only overstate the pairs).
    private static func sharedScalars(_ a: String, _ b: String) -> Int {
        let other = 128
        var counts = [Int](repeating: 0, count: other + 1)
        for scalar in a.unicodeScalars { counts[min(Int(scalar.value), other)] += 1 }
        var shared = 0, otherInB = 0
        for scalar in b.unicodeScalars {
            let key = Int(scalar.value)
            if key >= other {
                otherInB += 1
            } else if counts[key] > 0 {
                counts[key] -= 1
                shared += 1
            }
        }
        return shared + min(counts[other], otherInB)
    }
}
