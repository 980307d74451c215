/// Whether a note was printed at the foot of its page or gathered in a notes section.
public enum NoteKind: String, Sendable {
    case footnote
    case endnote
}

/// A footnote or endnote: its printed label, its text (label removed) and the blocks whose
/// markers cite it. Invariant: `citedBy` lists block ids in reading order, without repeats.
public struct Note: Equatable, Sendable {
    public var id: String
    public var label: String
    public var kind: NoteKind
    public var text: String
    public var provenance: [Provenance]
    public var citedBy: [String]

    public init(id: String, label: String, kind: NoteKind, text: String, provenance: [Provenance], citedBy: [String] = []) {
        self.id = id
        self.label = label
        self.kind = kind
        self.text = text
        self.provenance = provenance
        self.citedBy = citedBy
    }
}
