import Foundation

/// Writes a `Document` as CommonMark with GFM footnotes: `#` title, headings one `#` deeper than
/// their level, paragraphs and lists, `[^label]` where markers stood and `[^label]: text`
/// definitions at the end, recommendations as blockquotes opening `**Recommendation`.
/// Furniture is left out (it stays in the JSON). A marker with no note is kept as `<sup>`.
public struct MarkdownExporter: Sendable {
    public init() {}

    public func export(_ document: Document) -> String {
        String(decoding: exportUTF8(document), as: UTF8.self)
    }

    /// The UTF-8 bytes of `export(_:)`, for writing to a file without a `String` in between.
    public func exportUTF8(_ document: Document) -> [UInt8] {
        let labels = footnoteLabels(document.notes)
        let wholeBlockRecommendations = Dictionary(
            document.recommendations.filter { $0.rule != "sentence" }.map { ($0.blockID, $0) }, uniquingKeysWith: { a, _ in a })
        // Room for the texts, their marks and note labels, so the buffer is seldom copied.
        let texts = document.blocks.reduce(0) { $0 + $1.text.utf8.count } + document.notes.reduce(0) { $0 + $1.text.utf8.count }
        var out = Lines(capacity: texts + texts / 8 + 16 * (document.blocks.count + document.notes.count))
        var previousWasListItem = false
        for block in document.blocks where Self.shows(block) {
            let text = inlineText(block, labels: labels)
            let isRecommendation = wholeBlockRecommendations[block.id] != nil
            let isListItem = block.type == .listItem && !isRecommendation
            if !(isListItem && previousWasListItem) && !out.isEmpty { out.appendEmptyLine() }
            previousWasListItem = isListItem
            switch block.type {
            case .title:
                out.startLine()
                out.append("# ")
                out.append(text)
            case .heading:
                out.startLine()
                for _ in 0..<min(6, (block.level ?? 1) + 1) { out.append("#") }
                out.append(" ")
                out.append(text)
            case .contentsEntry:
                continue
            case .paragraph, .listItem:
                out.startLine()
                if isRecommendation {
                    out.append(recommendationQuote(block, text: text))
                } else if block.type == .listItem {
                    listItem(block, text: text, to: &out)
                } else {
                    out.append(Self.escapeLineStart(text))
                }
            }
        }
        if !document.notes.isEmpty {
            out.appendEmptyLine()
            out.startLine()
            for (index, note) in document.notes.enumerated() {
                if index > 0 { out.append("\n\n") }
                out.append("[^")
                out.append(labels[note.id]!)
                out.append("]: ")
                out.append(Self.escapeInline(note.text))
            }
        }
        return out.finish()
    }

    /// True for the blocks the Markdown shows: all but table-of-contents lines.
    public static func shows(_ block: Block) -> Bool { block.type != .contentsEntry }

    /// GFM labels: the printed label where it is unique, the note id where labels repeat.
    private func footnoteLabels(_ notes: [Note]) -> [String: String] {
        var count: [String: Int] = [:]
        for note in notes { count[note.label, default: 0] += 1 }
        var labels: [String: String] = [:]
        for note in notes {
            let safe = note.label.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) }
            labels[note.id] = count[note.label] == 1 && safe ? note.label : note.id
        }
        return labels
    }

    /// The block text, escaped, with footnote references at their offsets (counted in scalars).
    private func inlineText(_ block: Block, labels: [String: String]) -> String {
        guard !block.references.isEmpty else { return Self.escapeInline(block.text) }
        var text = block.text
        var out = TextBuffer(capacity: text.utf8.count + 16 * block.references.count)
        text.withUTF8 { bytes in
            var cursor = 0      // byte offset of `position`
            var position = 0    // scalar offset
            for reference in block.references.sorted(by: { $0.offset < $1.offset }) {
                if reference.offset > position && cursor < bytes.count {
                    let end = Self.byteOffset(advancing: reference.offset - position, scalarsFrom: cursor, in: bytes)
                    MarkdownEscaping.appendInline(bytes[cursor..<end], to: &out)
                    cursor = end
                    position = reference.offset
                }
                if let id = reference.noteID, let label = labels[id] {
                    out.append("[^")
                    out.append(label)
                    out.append("]")
                } else {
                    out.append("<sup>")
                    out.append(Self.escapeInline(reference.label))
                    out.append("</sup>")
                }
            }
            if cursor < bytes.count { MarkdownEscaping.appendInline(bytes[cursor...], to: &out) }
        }
        return out.text
    }

    /// The byte offset `count` scalars after `start`, or the end of `bytes`.
    private static func byteOffset(advancing count: Int, scalarsFrom start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var offset = start
        var remaining = count
        while remaining > 0 && offset < bytes.count {
            offset += 1
            while offset < bytes.count && UTF8.isContinuation(bytes[offset]) { offset += 1 }
            remaining -= 1
        }
        return offset
    }

    private func listItem(_ block: Block, text: String, to out: inout Lines) {
        if case .ordered(let label) = block.listMarker {
            let digits = label.filter(\.isNumber)
            if !digits.isEmpty, digits.count == label.count - 1, label.hasSuffix(".") || label.hasSuffix(")") {
                out.append(digits)
                out.append(String(label.last!))
                out.append(" ")
            } else {
                out.append("- ")
                out.append(Self.escapeInline(label))
                out.append(" ")
            }
        } else {
            out.append("- ")
        }
        out.append(text)
    }

    /// The "Recommendation 3:" lead-in of a recommendation paragraph, bolded in the quote.
    private static let recommendationLeadIn = try! NSRegularExpression(
        pattern: #"^Recommendation\s+(No\.?\s*)?[0-9IVXLCivxlc]+[a-z]?\s*[:.\-)–—]"#)
    /// Every match of `recommendationLeadIn` starts with these bytes.
    private static let recommendationWord = "Recommendation"

    private func recommendationQuote(_ block: Block, text: String) -> String {
        if let range = Self.recommendationLeadIn(in: text) {
            return "> **\(text[range])** " + Self.trimmingWhitespace(text[range.upperBound...])
        }
        if case .ordered(let label) = block.listMarker {
            return "> **Recommendation \(Self.escapeInline(label))** " + text
        }
        return "> **Recommendation:** " + text
    }

    private static func recommendationLeadIn(in text: String) -> Range<String.Index>? {
        guard text.utf8.starts(with: recommendationWord.utf8) else { return nil }
        let match = recommendationLeadIn.rangeOfFirstMatch(in: text, range: NSRange(text.startIndex..., in: text))
        return match.location == NSNotFound ? nil : Range(match, in: text)
    }

    /// `trimmingCharacters(in: .whitespaces)`, looking at the ends only.
    private static func trimmingWhitespace(_ text: Substring) -> String {
        let whitespace = CharacterSet.whitespaces
        var scalars = text.unicodeScalars[...]
        while let first = scalars.first, whitespace.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, whitespace.contains(last) { scalars.removeLast() }
        return String(scalars)
    }

    /// Backslash-escapes the characters Markdown would read as markup inside a line.
    static func escapeInline(_ text: String) -> String { MarkdownEscaping.escapeInline(text) }

    /// Escapes a line start that Markdown would read as a heading, quote, list or rule.
    static func escapeLineStart(_ text: String) -> String { MarkdownEscaping.escapeLineStart(text) }
}
