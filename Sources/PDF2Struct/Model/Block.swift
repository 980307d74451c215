/// What a block of the output is.
public enum BlockType: String, Sendable, CaseIterable {
    case title
    case heading
    case paragraph
    case listItem = "list_item"
    /// A line of a table of contents; kept in the JSON, left out of the Markdown.
    case contentsEntry = "contents_entry"
}

/// Which layer of the page a piece of text belongs to: the running text, the page furniture
/// (kept, never dropped), or the notes.
public enum Layer: String, Sendable {
    case body
    case furniture
    case notes
}

/// How a list item is marked.
public enum ListMarker: Equatable, Sendable {
    case bullet
    case ordered(String)
}

/// A place in a block's text where a note marker stood. `offset` counts Unicode scalars of
/// `Block.text` before the marker.
public struct NoteReference: Equatable, Sendable {
    public var label: String
    public var offset: Int
    /// The id of the note it cites, once linked.
    public var noteID: String?

    public init(label: String, offset: Int, noteID: String? = nil) {
        self.label = label
        self.offset = offset
        self.noteID = noteID
    }
}

/// One unit of the body in reading order: a title, heading, paragraph or list item.
/// Invariant: `provenance` is non-empty and in reading order (two entries when a paragraph
/// runs across a page, column or part break). Marker text is not in `text`; `references` say
/// where it stood.
public struct Block: Equatable, Sendable {
    public var id: String
    public var type: BlockType
    public var text: String
    /// 1 for a top-level section, 2 for a subsection…; nil unless `type == .heading`.
    public var level: Int?
    public var listMarker: ListMarker?
    public var references: [NoteReference]
    public var provenance: [Provenance]
    /// True when the block's text is all bold (used for headings and lead-ins).
    public var isBold: Bool
    /// Main font size in points.
    public var fontSize: Double

    public init(id: String, type: BlockType, text: String, level: Int? = nil, listMarker: ListMarker? = nil,
                references: [NoteReference] = [], provenance: [Provenance], isBold: Bool = false, fontSize: Double = 0) {
        self.id = id
        self.type = type
        self.text = text
        self.level = level
        self.listMarker = listMarker
        self.references = references
        self.provenance = provenance
        self.isBold = isBold
        self.fontSize = fontSize
    }
}
