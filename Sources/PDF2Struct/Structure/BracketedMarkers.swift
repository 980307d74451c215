import Foundation

/// Reads bracketed note markers (`… in 1996.[12]`) in documents that use them for notes: only
/// when no raised marker was found anywhere and the document has notes whose labels the
/// brackets name, since bracketed numbers are more often citations of a reference list.
/// A converted marker leaves the text and becomes a reference at its offset.
enum BracketedMarkers {
    private static let pattern = try! NSRegularExpression(pattern: #"\[([0-9]{1,3})\]"#)

    static func apply(to blocks: inout [Block], notes: [Note]) {
        guard !notes.isEmpty, !blocks.contains(where: { !$0.references.isEmpty }) else { return }
        let labels = Set(notes.map(\.label))
        for index in blocks.indices where blocks[index].type == .paragraph || blocks[index].type == .listItem {
            let text = blocks[index].text
            let matches = pattern.matches(in: text, range: NSRange(text.startIndex..., in: text))
                .filter { match in Range(match.range(at: 1), in: text).map { labels.contains(String(text[$0])) } ?? false }
            guard !matches.isEmpty else { continue }
            var kept = String.UnicodeScalarView()
            var references: [NoteReference] = []
            var cursor = text.startIndex
            for match in matches {
                let whole = Range(match.range, in: text)!, label = Range(match.range(at: 1), in: text)!
                kept.append(contentsOf: text[cursor..<whole.lowerBound].unicodeScalars)
                references.append(NoteReference(label: String(text[label]), offset: kept.count))
                cursor = whole.upperBound
            }
            kept.append(contentsOf: text[cursor...].unicodeScalars)
            blocks[index].text = String(kept)
            blocks[index].references = references
        }
    }
}
