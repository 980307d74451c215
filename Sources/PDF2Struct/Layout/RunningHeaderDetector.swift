import Foundation
import PopplerText

/// Finds page furniture — running headers and footers, page numbers — from repetition across
/// pages and position at the top or bottom of the page, never by cropping a fixed margin.
/// Evidence, strongest first: a line that is only a page number (arabic, roman, `Page N of M`)
/// among the outermost lines; a line whose text, digits masked, recurs in the same band on
/// enough pages; then, once those are known, a band line printed exactly where running
/// headers stand on other pages, in their size (a header carrying the section name, which
/// changes), and an outermost line in small type sharing two words with the running
/// furniture (a masthead). A line set vertically in the margin is judged as a footer line
/// wherever it stands. Never removes anything: it only labels lines.
public struct RunningHeaderDetector: Sendable {
    public var thresholds: Thresholds
    /// Threads the per-page reading may use; the findings are the same for any value.
    public var threads: Int

    public init(thresholds: Thresholds, threads: Int = 1) {
        self.thresholds = thresholds
        self.threads = threads
    }

    /// A line of furniture: page index into the input array, line index within that page.
    public struct Finding: Hashable, Sendable {
        public var pageIndex: Int
        public var lineIndex: Int
        public var kind: FurnitureKind
    }

    /// What a page-number line is; `PageNumberText` decides it by hand wherever it can.
    static let pageNumberPattern = try! NSRegularExpression(
        pattern: #"^[\s\-–—|·•]*(page\s+)?([0-9]{1,4}|[ivxlcdm]{1,7})(\s*(of|/)\s*[0-9]{1,4})?[\s\-–—|·•]*$"#,
        options: [.caseInsensitive])

    public func detect(_ pages: [PageLines]) -> [Finding] {
        let band = thresholds.furnitureBandLines
        var topCounts: [String: Set<Int>] = [:]
        var bottomCounts: [String: Set<Int>] = [:]
        // The band lines of each page and their keys, page by page on the job's threads.
        let bandLines = Array(pages.enumerated()).concurrentMap(threads: threads) { p, page in
            var found: [(page: Int, line: Int, top: Bool, key: String)] = []
            let rows = Self.rows(of: page)
            guard !rows.isEmpty else { return found }
            let top = Array(rows.prefix(band).joined())
            let bottomRows = Array(rows.suffix(band).joined()).filter { !top.contains($0) }
            // A line set vertically in the margin repeats like a footer wherever it stands.
            let sideways = page.lines.indices.filter { page.lines[$0].isVertical && !top.contains($0) && !bottomRows.contains($0) }
            let bottom = bottomRows + sideways
            for (indices, isTop) in [(top, true), (bottom, false)] {
                for i in indices {
                    let key = Self.key(page.lines[i].text)
                    if !key.isEmpty { found.append((p, i, isTop, key)) }
                }
            }
            return found
        }
        var candidates: [(page: Int, line: Int, top: Bool, key: String)] = []
        for c in bandLines.joined() {
            candidates.append(c)
            if c.top { topCounts[c.key, default: []].insert(c.page) } else { bottomCounts[c.key, default: []].insert(c.page) }
        }
        let needed = max(thresholds.runningHeaderMinPages,
                         Int((thresholds.runningHeaderMinPageShare * Double(pages.count)).rounded(.up)))
        // Each candidate is judged on its own, on the job's threads.
        let (top, bottom) = (topCounts, bottomCounts)
        var findings: [Finding] = candidates.concurrentMap(threads: threads) { c -> Finding? in
            let text = pages[c.page].lines[c.line].text
            if isPageNumber(text) && isOutermost(c.line, in: pages[c.page], top: c.top) {
                return Finding(pageIndex: c.page, lineIndex: c.line, kind: .pageNumber)
            }
            let recurrence = (c.top ? top[c.key] : bottom[c.key])?.count ?? 0
            if recurrence >= needed && pages.count >= thresholds.runningHeaderMinPages {
                return Finding(pageIndex: c.page, lineIndex: c.line, kind: c.top ? .runningHeader : .runningFooter)
            }
            return nil
        }.compactMap { $0 }
        findings += placedLikeFurniture(pages, candidates: candidates, known: findings)
        return findings
    }

    /// Band lines standing where known furniture stands on other pages (same top and bottom to
    /// a point and a half, same size), or outermost small lines sharing two words with it.
    private func placedLikeFurniture(_ pages: [PageLines], candidates: [(page: Int, line: Int, top: Bool, key: String)],
                                     known: [Finding]) -> [Finding] {
        let knownKeys = Set(known.map { PageLineKey(page: $0.pageIndex, line: $0.lineIndex) })
        // Furniture repeats in the same place page after page: one slot per distinct place
        // (in first-seen order, so the first match is the one it always was) keeps the search
        // linear in the page count.
        var seenSlots = Set<Slot>()
        let slots = known.filter { $0.kind != .pageNumber }.compactMap { f -> Slot? in
            let line = pages[f.pageIndex].lines[f.lineIndex]
            let slot = Slot(top: line.bbox.y0, bottom: line.bbox.y1, size: line.mainSize, kind: f.kind)
            return seenSlots.insert(slot).inserted ? slot : nil
        }
        guard !slots.isEmpty else { return [] }
        let smallest = slots.map(\.size).max() ?? 0
        let words = Set(known.concurrentMap(threads: threads) { f in Self.words(pages[f.pageIndex].lines[f.lineIndex].text) }.joined())
        // Each remaining candidate is judged on its own, on the job's threads.
        let remaining = candidates.filter { !knownKeys.contains(PageLineKey(page: $0.page, line: $0.line)) }
            .map { (page: $0.page, line: $0.line, top: $0.top) }
        return remaining.concurrentMap(threads: threads) { c -> Finding? in
            let line = pages[c.page].lines[c.line]
            if let slot = slots.first(where: { slot in
                abs(slot.top - line.bbox.y0) < 1.5 && abs(slot.bottom - line.bbox.y1) < 1.5 && abs(slot.size - line.mainSize) < 0.5
                    && (slot.kind == .runningHeader) == c.top
            }) {
                return Finding(pageIndex: c.page, lineIndex: c.line, kind: slot.kind)
            }
            let shared = Set(Self.words(line.text)).intersection(words).count
            if shared >= 2, line.mainSize <= smallest + 0.5, isOutermost(c.line, in: pages[c.page], top: c.top) {
                return Finding(pageIndex: c.page, lineIndex: c.line, kind: c.top ? .runningHeader : .runningFooter)
            }
            return nil
        }.compactMap { $0 }
    }

    /// Where a known running header or footer stands: its top and bottom, size and kind.
    private struct Slot: Hashable, Sendable {
        var top: Double
        var bottom: Double
        var size: Double
        var kind: FurnitureKind
    }

    private struct PageLineKey: Hashable {
        var page: Int
        var line: Int
    }

    /// Lower-cased words of four letters or more.
    static func words(_ text: String) -> [String] {
        FurnitureWords.ascii(text) ?? generalWords(text)
    }

    /// `words` for any text.
    static func generalWords(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init).filter { $0.count >= 4 }
    }

    /// The page's line indices grouped into rows (lines level with each other), top to bottom.
    static func rows(of page: PageLines) -> [[Int]] {
        let order = page.lines.indices.sorted { page.lines[$0].bbox.y0 < page.lines[$1].bbox.y0 }
        var rows: [[Int]] = []
        var rowBottom = -Double.infinity
        for i in order {
            let box = page.lines[i].bbox
            if let last = rows.indices.last, box.y0 < rowBottom - 0.3 * box.height {
                rows[last].append(i)
                rowBottom = max(rowBottom, box.y1)
            } else {
                rows.append([i])
                rowBottom = box.y1
            }
        }
        return rows
    }

    /// True when the text is only a page number.
    public func isPageNumber(_ text: String) -> Bool {
        if let decided = PageNumberText.matches(text) { return decided }
        let range = NSRange(text.startIndex..., in: text)
        return Self.pageNumberPattern.firstMatch(in: text, range: range) != nil
    }

    /// A page number must be the topmost or bottommost line of its page, or sit beside one.
    private func isOutermost(_ index: Int, in page: PageLines, top: Bool) -> Bool {
        let line = page.lines[index]
        let extreme = top ? page.lines.map(\.bbox.y0).min()! : page.lines.map(\.bbox.y1).max()!
        let tolerance = line.bbox.height
        return top ? line.bbox.y0 - extreme <= tolerance : extreme - line.bbox.y1 <= tolerance
    }

    /// Text with case folded and spaces collapsed, page numbers masked: a number (arabic or
    /// roman) among the first two or last two words becomes `#`, since that is where running
    /// headers carry the page number; numbers mid-line stay, so body lines do not collide.
    static func key(_ text: String) -> String {
        FurnitureKey.ascii(text) ?? generalKey(text)
    }

    /// `key` for any text.
    static func generalKey(_ text: String) -> String {
        let words = text.lowercased().split(whereSeparator: { $0.isWhitespace }).map(String.init)
        let masked = words.enumerated().map { index, word -> String in
            guard index < 2 || index >= words.count - 2 else { return word }
            let core = word.trimmingCharacters(in: .punctuationCharacters)
            let isArabic = !core.isEmpty && core.allSatisfy(\.isNumber)
            let isRoman = !core.isEmpty && core.count <= 6 && core.allSatisfy { "ivxlcdm".contains($0) }
            return isArabic || isRoman ? "#" : word
        }
        return masked.joined(separator: " ")
    }
}
