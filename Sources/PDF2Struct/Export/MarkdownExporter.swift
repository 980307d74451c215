/// Writes a `Document` as CommonMark with GFM footnotes: `#` title, headings one `#` deeper than
/// their level, paragraphs and lists, `[^label]` where markers stood and `[^label]: text`
/// definitions at the end, recommendations as blockquotes opening `**Recommendation`.
/// Furniture is left out (it stays in the JSON). A marker with no note is kept as `<sup>`.
public struct MarkdownExporter: Sendable {
    public init() {}

    public func export(_ document: Document) -> String {
        let labels = footnoteLabels(document.notes)
        let wholeBlockRecommendations = Dictionary(
            document.recommendations.filter { $0.rule != "sentence" }.map { ($0.blockID, $0) }, uniquingKeysWith: { a, _ in a })
        var out: [String] = []
        var previousWasListItem = false
        for block in document.blocks where Self.shows(block) {
            let text = inlineText(block, labels: labels)
            let isListItem = block.type == .listItem && wholeBlockRecommendations[block.id] == nil
            if !(isListItem && previousWasListItem) && !out.isEmpty { out.append("") }
            previousWasListItem = isListItem
            switch block.type {
            case .title:
                out.append("# " + text)
            case .heading:
                out.append(String(repeating: "#", count: min(6, (block.level ?? 1) + 1)) + " " + text)
            case .contentsEntry:
                continue
            case .paragraph, .listItem:
                if wholeBlockRecommendations[block.id] != nil {
                    out.append(recommendationQuote(block, text: text))
                } else if block.type == .listItem {
                    out.append(listItem(block, text: text))
                } else {
                    out.append(Self.escapeLineStart(text))
                }
            }
        }
        let definitions = document.notes.map { "[^\(labels[$0.id]!)]: " + Self.escapeInline($0.text) }
        if !definitions.isEmpty {
            out.append("")
            out.append(definitions.joined(separator: "\n\n"))
        }
        return out.joined(separator: "\n") + "\n"
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

    /// The block text, escaped, with footnote references at their offsets.
    private func inlineText(_ block: Block, labels: [String: String]) -> String {
        var out = ""
        let scalars = Array(block.text.unicodeScalars)
        var position = 0
        for reference in block.references.sorted(by: { $0.offset < $1.offset }) {
            let end = min(reference.offset, scalars.count)
            if end > position {
                out += Self.escapeInline(String(String.UnicodeScalarView(scalars[position..<end])))
                position = end
            }
            if let id = reference.noteID, let label = labels[id] {
                out += "[^\(label)]"
            } else {
                out += "<sup>\(Self.escapeInline(reference.label))</sup>"
            }
        }
        if position < scalars.count { out += Self.escapeInline(String(String.UnicodeScalarView(scalars[position...]))) }
        return out
    }

    private func listItem(_ block: Block, text: String) -> String {
        if case .ordered(let label) = block.listMarker {
            let digits = label.filter(\.isNumber)
            if !digits.isEmpty, digits.count == label.count - 1, label.hasSuffix(".") || label.hasSuffix(")") {
                return "\(digits)\(label.last!) " + text
            }
            return "- \(Self.escapeInline(label)) " + text
        }
        return "- " + text
    }

    private func recommendationQuote(_ block: Block, text: String) -> String {
        if let range = text.range(of: #"^Recommendation\s+(No\.?\s*)?[0-9IVXLCivxlc]+[a-z]?\s*[:.\-)–—]"#, options: .regularExpression) {
            return "> **\(text[range])** " + text[range.upperBound...].trimmingCharacters(in: .whitespaces)
        }
        if case .ordered(let label) = block.listMarker {
            return "> **Recommendation \(Self.escapeInline(label))** " + text
        }
        return "> **Recommendation:** " + text
    }

    /// Backslash-escapes the characters Markdown would read as markup inside a line.
    static func escapeInline(_ text: String) -> String {
        // Most text has nothing to escape: skip the per-Character loop (grapheme breaking is slow).
        guard text.unicodeScalars.contains(where: { "\\`*_[]<>|".unicodeScalars.contains($0) }) else { return text }
        var out = ""
        for ch in text {
            if "\\`*_[]<>|".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }

    /// Escapes a line start that Markdown would read as a heading, quote, list or rule.
    static func escapeLineStart(_ text: String) -> String {
        guard let first = text.first else { return text }
        if "#>+-=".contains(first) { return "\\" + text }
        if let range = text.range(of: #"^[0-9]{1,9}[.)](\s|$)"#, options: .regularExpression) {
            var prefix = String(text[range])
            prefix.insert("\\", at: prefix.index(before: prefix.index(prefix.endIndex, offsetBy: -1)))
            return prefix + text[range.upperBound...]
        }
        return text
    }
}

import Foundation
