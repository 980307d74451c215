import Foundation
import PopplerText

/// The structure stage: from the lines of every page (all parts of a document in order) to a
/// `Document`. It labels furniture, finds footnotes, the title, headings and their levels, list
/// items, endnotes under a Notes heading, joins paragraphs cut by breaks, composes clean text,
/// links notes and finds recommendations. Never drops text: furniture and notes keep their own
/// layers, and what cannot be linked is reported in `diagnostics`.
public struct DocumentBuilder: Sendable {
    public var configuration: Configuration
    /// Threads the per-page and per-block steps may use; the result is the same for any value.
    public var threads: Int

    /// Recommendation rules compiled by the caller, used while they are still the rules of
    /// `configuration`; else the build compiles them.
    private let recommendationFinder: RecommendationFinder?

    public init(configuration: Configuration, threads: Int = 1) {
        self.init(configuration: configuration, threads: threads, recommendationFinder: nil)
    }

    init(configuration: Configuration, threads: Int, recommendationFinder: RecommendationFinder?) {
        self.configuration = configuration
        self.threads = threads
        self.recommendationFinder = recommendationFinder
    }

    private var thresholds: Thresholds { configuration.thresholds }

    public func build(pages: [PageLines], sources: [SourceFile]) throws -> Document {
        var diagnostics: [Diagnostic] = []
        let findings = RunningHeaderDetector(thresholds: thresholds, threads: threads).detect(pages)
        var furnitureLines = [Set<Int>](repeating: [], count: pages.count)
        for finding in findings { furnitureLines[finding.pageIndex].insert(finding.lineIndex) }
        let furniture = findings.sorted { ($0.pageIndex, $0.lineIndex) < ($1.pageIndex, $1.lineIndex) }.map { f in
            let page = pages[f.pageIndex]
            let line = page.lines[f.lineIndex]
            return FurnitureItem(kind: f.kind, text: TextNormalizer.normalize(line.text),
                                 provenance: Provenance(part: page.part, page: page.page, bbox: line.bbox))
        }

        // Body lines per page, then blocks.
        let blockBuilder = BlockBuilder(thresholds: thresholds)
        let bodyPages: [BodyPage] = Array(zip(pages, furnitureLines)).concurrentMap(threads: threads) { page, furniture in
            let lines = furniture.isEmpty ? page.lines : page.lines.enumerated().filter { !furniture.contains($0.offset) }.map(\.element)
            let blocks = blockBuilder.build(lines, part: page.part, page: page.page)
            return BodyPage(lines: lines, blocks: blocks, sizes: BodyStyle.weights(of: lines), texts: lines.map(\.bodyText),
                            markerLabels: Self.markerLabels(in: blocks.lazy.flatMap(\.lines)))
        }
        let allBodyLines = bodyPages.lazy.flatMap(\.lines)
        for page in pages {
            if page.unmappedCharacters > 0 {
                diagnostics.append(Diagnostic(code: "unmapped_characters",
                                              message: "\(page.unmappedCharacters) characters have no Unicode mapping",
                                              part: page.part, page: page.page))
            }
        }
        let bodySize = BodyStyle(weights: bodyPages.reduce(into: [:]) { sum, page in sum.merge(page.sizes, uniquingKeysWith: +) }).size
        let composer = TextComposer(dehyphenator: Dehyphenator(vocabulary: Dehyphenator.vocabulary(of: bodyPages.flatMap(\.texts), threads: threads)))

        // Footnotes at page bottoms.
        let footnoteDetector = FootnoteRegionDetector(thresholds: thresholds)
        var noteEntries: [NoteEntry] = []
        var bodyBlocks: [TextBlock] = []
        for (p, body) in bodyPages.enumerated() {
            let previousFootnote = noteEntries.last.map { $0.kind == .footnote && $0.pieces.last.map { $0.page == pages[p].page - 1 && $0.part == pages[p].part } == true } ?? false
            let result = footnoteDetector.detect(body.blocks, bodySize: bodySize, pageHeight: pages[p].height,
                                                 previousLabel: previousFootnote ? noteEntries.last?.label : nil,
                                                 markerLabels: body.markerLabels)
            bodyBlocks += result.body
            if !result.continuation.isEmpty { noteEntries[noteEntries.count - 1].pieces += result.continuation }
            noteEntries += result.notes
        }

        // Title, headings, list items, paragraphs.
        var units = demoteTitlePageLines(classify(bodyBlocks, bodySize: bodySize, firstPage: pages.first, metadataTitle: sources.first?.info.title), pageCount: pages.count)
        let title = units.first { $0.role == .title }.map { composer.compose($0.lines).text }
        resolveLevels(&units, outlines: sources.map(\.outline), title: title)
        var (bodyUnits, endnotes) = extractEndnotes(units)
        if endnotes.isEmpty {
            (bodyUnits, endnotes) = extractTrailingEndnotes(bodyUnits, markerLabels: Self.markerLabels(in: allBodyLines))
        }
        noteEntries += endnotes
        units = ParagraphJoiner(thresholds: thresholds).join(bodyUnits)

        // Compose text, build blocks and notes.
        var blocks: [Block] = []
        var boldLeadIn: [Bool] = []
        // Each unit's block (numbered below, once empty ones are left out) and whether it opens
        // with a bold lead-in, unit by unit on the job's threads.
        let unitBlocks = units.concurrentMap(threads: threads) { unit -> (block: Block, boldLeadIn: Bool)? in
            let lines = unit.lines
            var composed = composer.compose(lines)
            var marker: ListMarker? = nil
            if case .listItem(let m) = unit.role {
                marker = m
                composed = Self.dropListMarker(composed)
            }
            guard !composed.text.isEmpty else { return nil }
            let type: BlockType
            switch unit.role {
            case .title: type = .title
            case .heading: type = .heading
            case .paragraph: type = .paragraph
            case .listItem: type = .listItem
            case .contentsEntry: type = .contentsEntry
            }
            let block = Block(id: "", type: type, text: composed.text, level: unit.level,
                              listMarker: marker, references: composed.references,
                              provenance: unit.pieces.map(\.provenance), isBold: unit.pieces.allSatisfy(\.isBold),
                              fontSize: unit.first.mainSize)
            return (block, Self.opensWithBoldLeadIn(lines))
        }
        for case let (block, opensWithBoldLeadIn)? in unitBlocks {
            var numbered = block
            numbered.id = "b\(blocks.count + 1)"
            blocks.append(numbered)
            boldLeadIn.append(opensWithBoldLeadIn)
        }
        var notes: [Note] = Array(noteEntries.enumerated()).concurrentMap(threads: threads) { index, entry in
            var composed = composer.compose(entry.pieces.flatMap(\.lines))
            composed = Self.dropNoteLabel(composed, label: entry.label)
            return Note(id: "n\(index + 1)", label: entry.label, kind: entry.kind, text: composed.text,
                        provenance: entry.pieces.map(\.provenance))
        }
        BracketedMarkers.apply(to: &blocks, notes: notes)
        NoteLinker().link(blocks: &blocks, notes: &notes, diagnostics: &diagnostics)
        let finder = try recommendationFinder.flatMap { $0.rules == configuration.recommendations ? $0 : nil }
            ?? RecommendationFinder(rules: configuration.recommendations)
        let recommendations = finder.find(in: blocks, boldLeadIn: boldLeadIn, threads: threads)
        let needsOCR = pages.allSatisfy { $0.lines.isEmpty }
        if needsOCR {
            diagnostics.append(Diagnostic(code: "no_text_layer", message: "no page has a text layer; the PDF needs OCR"))
        }
        if threads > 1 {
            // The intermediate values are freed off the job's path (about 4 ms on a long report).
            BackgroundRelease.release((findings, furnitureLines, bodyPages, composer, noteEntries, bodyBlocks, units, bodyUnits, unitBlocks, boldLeadIn))
        }
        return Document(sources: sources, title: title, blocks: blocks, notes: notes, recommendations: recommendations,
                        furniture: furniture, diagnostics: diagnostics, needsOCR: needsOCR)
    }

    /// One page's body, worked out page by page on the job's threads: its lines less the
    /// furniture, their blocks, the lines' size weights and texts (for the vocabulary), and
    /// the note-marker labels its blocks carry (for the footnotes at its bottom).
    private struct BodyPage: Sendable {
        var lines: [Line]
        var blocks: [TextBlock]
        var sizes: [Double: Int]
        var texts: [String]
        var markerLabels: Set<String>
    }

    /// Roles for blocks: the title (see `TitleDetector`), headings, list items, paragraphs.
    /// What each block is on its own is judged on the job's threads; a page-number column
    /// after contents entries, which depends on the block before, is judged in order, and so
    /// are contents set in columns without dot leaders (`ContentsColumns`).
    private func classify(_ blocks: [TextBlock], bodySize: Double, firstPage: PageLines?, metadataTitle: String?) -> [Unit] {
        let headingClassifier = HeadingClassifier(thresholds: thresholds)
        let titleIndex = firstPage.flatMap {
            TitleDetector(thresholds: thresholds).find(in: blocks, firstPage: $0, bodySize: bodySize, metadataTitle: metadataTitle)
        }
        let ownRoles: [Unit.Role] = blocks.concurrentMap(threads: threads) { block in
            if ContentsEntry.isContents(block) { return .contentsEntry }
            if headingClassifier.isHeading(block, bodySize: bodySize) { return .heading }
            if let (marker, _) = ListItemMarker.split(block.lines[0].bodyText) { return .listItem(marker) }
            return .paragraph
        }
        let contentsColumns = ContentsColumns(thresholds: thresholds).members(of: blocks)
        var units: [Unit] = []
        for (i, block) in blocks.enumerated() {
            if i == titleIndex {
                units.append(Unit(role: .title, pieces: [block]))
            } else if ownRoles[i] == .contentsEntry || contentsColumns.contains(i)
                        || (units.last?.role == .contentsEntry && block.page == units.last?.first.page
                            && ContentsEntry.isPageNumberColumn(block.plainText)) {
                for line in block.lines {
                    units.append(Unit(role: .contentsEntry, pieces: [TextBlock(lines: [line], part: block.part, page: block.page)]))
                }
            } else {
                units.append(Unit(role: ownRoles[i], pieces: [block]))
            }
        }
        return units
    }

    /// Lines of a title page set larger than the body (subtitle, authors, date) look like
    /// headings; a heading on the first page whose style no heading on a later page shares, and
    /// which has no numbering and is no section label (`Abstract`, `Contents`), is such a line
    /// and becomes a paragraph.
    private func demoteTitlePageLines(_ units: [Unit], pageCount: Int) -> [Unit] {
        guard pageCount > 1, let first = units.first?.first else { return units }
        func style(_ unit: Unit) -> HeadingStyle {
            HeadingStyle(size: unit.first.mainSize, isBold: unit.first.isBold, isItalic: unit.first.isItalic, isAllCaps: false)
        }
        let laterStyles = Set(units.filter { $0.role == .heading && ($0.first.page != first.page || $0.first.part != first.part) }.map(style))
        return units.map { unit in
            guard unit.role == .heading, unit.first.page == first.page, unit.first.part == first.part else { return unit }
            let text = unit.plainText
            guard HeadingNumbering.level(of: text) == nil, !HeadingLevelResolver.isMatterLabel(text),
                  !laterStyles.contains(style(unit)) else { return unit }
            var paragraph = unit
            paragraph.role = .paragraph
            return paragraph
        }
    }

    private func resolveLevels(_ units: inout [Unit], outlines: [[OutlineItem]], title: String?) {
        let headingIndices = units.indices.filter { units[$0].role == .heading }
        let candidates = headingIndices.map { i -> HeadingLevelResolver.Candidate in
            let block = units[i].first
            let text = units[i].plainText
            return HeadingLevelResolver.Candidate(
                text: text,
                style: HeadingStyle(size: block.mainSize, isBold: block.isBold, isItalic: block.isItalic,
                                    isAllCaps: HeadingStyle.isAllCaps(text)),
                part: block.part, page: block.page)
        }
        let levels = HeadingLevelResolver(thresholds: thresholds).resolve(candidates, outlines: outlines, title: title)
        for (i, level) in zip(headingIndices, levels) { units[i].level = level }
    }

    private static let notesHeading = try! NSRegularExpression(
        pattern: #"^(notes|endnotes|end notes|notes and references|references and notes)$"#, options: [.caseInsensitive])

    /// Takes the blocks under a Notes/Endnotes heading out of the body and splits them into
    /// endnotes. The section runs to the next heading of the same or a higher level, except
    /// that a heading directly followed by labelled notes (`Chapter 2` over notes that restart
    /// at 1) is a group inside the section: it stays a heading one level below Notes, and its
    /// notes are numbered afresh.
    private func extractEndnotes(_ units: [Unit]) -> ([Unit], [NoteEntry]) {
        // The body in order, with a placeholder where each group of note blocks stood; the
        // groups are split into notes on the job's threads, then put in their places.
        enum Item { case unit(Unit), group(Int) }
        var items: [Item] = []
        var groups: [[TextBlock]] = []
        var index = 0
        while index < units.count {
            let unit = units[index]
            items.append(.unit(unit))
            index += 1
            guard unit.role == .heading else { continue }
            let text = HeadingLevelResolver.normalize(unit.plainText)
            guard Self.notesHeading.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil else { continue }
            let level = unit.level ?? 1
            var group: [TextBlock] = []
            func closeGroup() {
                items.append(.group(groups.count))
                groups.append(group)
                group = []
            }
            while index < units.count {
                let next = units[index]
                if next.role == .heading {
                    let opensGroup = index + 1 < units.count && units[index + 1].role != .heading
                        && units[index + 1].first.lines.first.flatMap(NoteLabel.opening) != nil
                    guard opensGroup || (next.level ?? 1) > level else { break }
                    closeGroup()
                    var groupHeading = next
                    groupHeading.level = max(next.level ?? 1, level + 1)
                    items.append(.unit(groupHeading))
                } else {
                    group += next.pieces
                }
                index += 1
            }
            closeGroup()
        }
        guard !groups.isEmpty else { return (units, []) }
        let splits = groups.concurrentMap(threads: threads) { NoteSplitter.split($0, kind: .endnote, previousLabel: nil) }
        var body: [Unit] = []
        var notes: [NoteEntry] = []
        for item in items {
            switch item {
            case .unit(let unit):
                body.append(unit)
            case .group(let number):
                for piece in splits[number].leading { body.append(Unit(role: .paragraph, pieces: [piece])) }
                notes += splits[number].notes
            }
        }
        return (body, notes)
    }

    /// Endnotes printed on the last page(s) with no heading (word processors collect them so):
    /// when no notes section was found, every block of the last page opens with a note label
    /// following on from the one before, and most labels are cited by raised markers, the run
    /// of such blocks at the end of the document is taken as endnotes.
    /// The labels of all raised note markers in `lines`.
    static func markerLabels(in lines: some Sequence<Line>) -> Set<String> {
        var labels = Set<String>()
        for line in lines where !line.raised.isEmpty {
            for index in line.raised.sorted() {
                labels.formUnion(NoteMarkerText.labels(in: line.runs[index].text) ?? [])
            }
        }
        return labels
    }

    private func extractTrailingEndnotes(_ units: [Unit], markerLabels: Set<String>) -> ([Unit], [NoteEntry]) {
        guard let lastPage = units.last?.last else { return (units, []) }
        var start = units.count
        while start > 0 {
            let unit = units[start - 1]
            guard unit.role != .heading, unit.role != .title,
                  unit.first.lines.first.flatMap(NoteLabel.opening) != nil else { break }
            start -= 1
        }
        let onLastPage = units.filter { $0.first.page == lastPage.page && $0.first.part == lastPage.part }.count
        guard start < units.count, units.count - start >= onLastPage else { return (units, []) }
        let split = NoteSplitter.split(units[start...].flatMap(\.pieces), kind: .endnote, previousLabel: nil)
        // Most of them must be cited by raised markers in the text (a numbered list is not).
        let cited = split.notes.filter { markerLabels.contains($0.label) }.count
        guard split.leading.isEmpty, split.notes.count >= 2, 2 * cited >= split.notes.count else { return (units, []) }
        return (Array(units[..<start]), split.notes)
    }

    /// Removes the list marker from the front of a composed text, shifting references.
    static func dropListMarker(_ composed: TextComposer.Composed) -> TextComposer.Composed {
        guard let (_, rest) = ListItemMarker.split(composed.text) else { return composed }
        return dropPrefix(composed, scalars: composed.text.unicodeScalars.count - rest.unicodeScalars.count)
    }

    /// Removes a note's own label from the front of its composed text (plain `3.` or a raised
    /// marker, which the composer turned into a reference at offset 0).
    static func dropNoteLabel(_ composed: TextComposer.Composed, label: String) -> TextComposer.Composed {
        var result = composed
        if let first = result.references.first, first.offset == 0, first.label == label {
            result.references.removeFirst()
            return result
        }
        if let length = labelPrefixLength(result.text, label: label) {
            return length == 0 ? result : dropPrefix(result, scalars: length)
        }
        let pattern = "^" + NSRegularExpression.escapedPattern(for: label) + #"[.)]?\s*"#
        if let range = result.text.range(of: pattern, options: .regularExpression) {
            return dropPrefix(result, scalars: result.text[range].unicodeScalars.count)
        }
        return result
    }

    /// The scalar length of the match of `^label[.)]?\s*` in `text` (0 for none), worked out
    /// without the regex for an ASCII label when the bytes after it leave no doubt about `\s`
    /// (tab, LF, FF, CR and space are spaces, printable ASCII is not); nil when in doubt.
    private static func labelPrefixLength(_ text: String, label: String) -> Int? {
        let labelBytes = label.utf8
        guard labelBytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        let bytes = text.utf8
        guard bytes.starts(with: labelBytes) else { return 0 }
        var index = bytes.index(bytes.startIndex, offsetBy: labelBytes.count)
        var length = labelBytes.count
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ")") {
            index = bytes.index(after: index)
            length += 1
        }
        while index < bytes.endIndex {
            switch bytes[index] {
            case 0x09, 0x0A, 0x0C, 0x0D, 0x20: length += 1
            case 0x21...0x7E: return length
            default: return nil
            }
            index = bytes.index(after: index)
        }
        return length
    }

    private static func dropPrefix(_ composed: TextComposer.Composed, scalars count: Int) -> TextComposer.Composed {
        let scalars = composed.text.unicodeScalars
        let cut = scalars.index(scalars.startIndex, offsetBy: count, limitedBy: scalars.endIndex) ?? scalars.endIndex
        let references = composed.references.map { r in
            NoteReference(label: r.label, offset: max(0, r.offset - count), noteID: r.noteID)
        }
        return TextComposer.Composed(text: String(scalars[cut...]), references: references)
    }

    /// True when the first line opens with bold runs and the block then goes on in regular type.
    static func opensWithBoldLeadIn(_ lines: [Line]) -> Bool {
        guard let first = lines.first, let run = first.runs.first, run.isBold else { return false }
        return lines.contains { line in line.runs.enumerated().contains { !$0.element.isBold && !line.raised.contains($0.offset) } }
    }
}
