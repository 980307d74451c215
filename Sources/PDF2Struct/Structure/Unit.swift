/// A block of the body while the structure stage works on it: its role, its printed pieces
/// (more than one once a paragraph cut by a break is joined) and, for headings, its level.
struct Unit {
    enum Role: Equatable {
        case title
        case heading
        case paragraph
        case listItem(ListMarker)
        case contentsEntry
    }

    var role: Role
    var pieces: [TextBlock] {
        didSet { plainText = Self.plainText(of: pieces) }
    }
    var level: Int?
    /// The body text of all lines, whitespace collapsed. Stored and kept in step with `pieces`:
    /// the stage reads it many times per unit.
    private(set) var plainText: String

    init(role: Role, pieces: [TextBlock], level: Int? = nil) {
        self.role = role
        self.pieces = pieces
        self.level = level
        self.plainText = Self.plainText(of: pieces)
    }

    var lines: [Line] { pieces.flatMap(\.lines) }
    var first: TextBlock { pieces[0] }
    var last: TextBlock { pieces[pieces.count - 1] }

    private static func plainText(of pieces: [TextBlock]) -> String {
        CollapsedText.of(pieces.flatMap(\.lines))
    }
}
