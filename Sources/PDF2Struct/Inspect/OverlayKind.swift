import PopplerText

/// What a box drawn by `pdf2struct inspect` stands for, with its colour. Body blocks by type,
/// notes by kind, recommendations over the block they were found in, and page furniture.
/// The colours are chosen to stay apart for the common kinds of colour blindness as far as eight
/// colours can; every box also carries a text tag, so colour is never the only cue.
public enum OverlayKind: String, CaseIterable, Sendable {
    case title
    case heading
    case paragraph
    case listItem = "list_item"
    case footnote
    case endnote
    case recommendation
    case furniture

    /// The kind of a body block.
    init(_ type: BlockType) {
        switch type {
        case .title: self = .title
        case .heading: self = .heading
        case .paragraph: self = .paragraph
        case .listItem, .contentsEntry: self = .listItem
        }
    }

    /// The kind of a note.
    init(_ kind: NoteKind) {
        self = kind == .footnote ? .footnote : .endnote
    }

    public var color: CanvasColor {
        switch self {
        case .title: return CanvasColor(rgb: 0x7B1FA2)
        case .heading: return CanvasColor(rgb: 0x1565C0)
        case .paragraph: return CanvasColor(rgb: 0x2E7D32)
        case .listItem: return CanvasColor(rgb: 0x00897B)
        case .footnote: return CanvasColor(rgb: 0xEF6C00)
        case .endnote: return CanvasColor(rgb: 0xC2185B)
        case .recommendation: return CanvasColor(rgb: 0xD50000)
        case .furniture: return CanvasColor(rgb: 0x757575)
        }
    }

    /// The name shown in the legend.
    public var legendName: String {
        switch self {
        case .title: return "title"
        case .heading: return "heading (H + level)"
        case .paragraph: return "paragraph"
        case .listItem: return "list item"
        case .footnote: return "footnote"
        case .endnote: return "endnote"
        case .recommendation: return "recommendation"
        case .furniture: return "furniture (header, footer, page number)"
        }
    }
}
