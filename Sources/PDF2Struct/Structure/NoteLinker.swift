/// Links each note reference to the note it cites, scanning references in reading order.
/// A footnote is looked for on the reference's page first, then the pages either side; an
/// endnote is the first not yet cited with that label (so labels that restart per chapter link
/// in order), else any with that label. Unmatched references and uncited notes become
/// diagnostics; nothing is dropped.
struct NoteLinker {
    func link(blocks: inout [Block], notes: inout [Note], diagnostics: inout [Diagnostic]) {
        var cited = Set<String>()
        // Notes of each kind by label, in document order: a lookup per marker instead of a pass
        // over every note (quadratic in a long report's note count).
        let footnotes = Dictionary(grouping: notes.indices.filter { notes[$0].kind == .footnote }, by: { notes[$0].label })
        let endnotes = Dictionary(grouping: notes.indices.filter { notes[$0].kind == .endnote }, by: { notes[$0].label })
        for b in blocks.indices {
            let page = blocks[b].provenance
            for r in blocks[b].references.indices {
                let label = blocks[b].references[r].label
                guard let note = find(footnotes[label] ?? [], endnotes[label] ?? [], near: page, in: notes, cited: cited) else {
                    diagnostics.append(Diagnostic(code: "marker_without_note",
                                                  message: "note marker \(label) in \(blocks[b].id) has no note",
                                                  part: page[0].part, page: page[0].page))
                    continue
                }
                blocks[b].references[r].noteID = notes[note].id
                cited.insert(notes[note].id)
                if !notes[note].citedBy.contains(blocks[b].id) { notes[note].citedBy.append(blocks[b].id) }
            }
        }
        for note in notes where note.citedBy.isEmpty {
            diagnostics.append(Diagnostic(code: "note_without_marker",
                                          message: "\(note.kind.rawValue) \(note.label) (\(note.id)) has no marker in the text",
                                          part: note.provenance.first?.part, page: note.provenance.first?.page))
        }
    }

    /// The note a marker cites, from the footnotes and endnotes bearing its label (indices into
    /// `notes`, in document order): an uncited footnote on the marker's page, then any footnote
    /// there, then an uncited one a page away, then the first uncited endnote, then any endnote.
    private func find(_ footnotes: [Int], _ endnotes: [Int], near provenance: [Provenance], in notes: [Note],
                      cited: Set<String>) -> Int? {
        let pages = Set(provenance.map { PageKey(part: $0.part, page: $0.page) })
        if let same = footnotes.first(where: { i in pages.contains(PageKey(notes[i].provenance[0])) && !cited.contains(notes[i].id) })
            ?? footnotes.first(where: { pages.contains(PageKey(notes[$0].provenance[0])) }) {
            return same
        }
        if let near = footnotes.first(where: { i in
            let p = notes[i].provenance[0]
            return !cited.contains(notes[i].id) && provenance.contains { $0.part == p.part && abs($0.page - p.page) <= 1 }
        }) {
            return near
        }
        return endnotes.first { !cited.contains(notes[$0].id) } ?? endnotes.first
    }

    private struct PageKey: Hashable {
        var part: Int
        var page: Int
        init(part: Int, page: Int) { self.part = part; self.page = page }
        init(_ p: Provenance) { self.init(part: p.part, page: p.page) }
    }
}
