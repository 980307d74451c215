/// A note as found on the page, before its text is composed: label, kind and printed lines
/// (possibly from several pages, when a footnote runs over).
struct NoteEntry: Sendable {
    var label: String
    var kind: NoteKind
    var pieces: [TextBlock]
}

/// Splits lines into notes at lines that open with a label following on from the last one.
/// Lines before the first label are returned as `leading` (a note continued from a page before).
enum NoteSplitter {
    static func split(_ blocks: [TextBlock], kind: NoteKind, previousLabel: String?) -> (leading: [TextBlock], notes: [NoteEntry]) {
        var leading: [TextBlock] = []
        var notes: [NoteEntry] = []
        var last = previousLabel
        for block in blocks {
            var current: [Line] = []
            func flush() {
                guard !current.isEmpty else { return }
                let piece = TextBlock(lines: current, part: block.part, page: block.page)
                if notes.isEmpty { leading.append(piece) } else { notes[notes.count - 1].pieces.append(piece) }
                current = []
            }
            for line in block.lines {
                if let label = NoteLabel.opening(line), label.follows(last) {
                    flush()
                    notes.append(NoteEntry(label: label.label, kind: kind, pieces: []))
                    last = label.label
                }
                current.append(line)
            }
            flush()
        }
        return (leading, notes)
    }
}
