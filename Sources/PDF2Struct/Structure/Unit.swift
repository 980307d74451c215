/// A block of the body while the structure stage works on it: its role, its printed pieces
/// (more than one once a paragraph cut by a break is joined) and, for headings, its level.
struct Unit {
    enum Role: Equatable, Sendable {
        case title
        case heading
        case paragraph
        case listItem(ListMarker)
        case contentsEntry
    }

    var role: Role
    var pieces: [TextBlock]
    var level: Int?

    init(role: Role, pieces: [TextBlock], level: Int? = nil) {
        self.role = role
        self.pieces = pieces
        self.level = level
    }

    /// The body text of all lines, whitespace collapsed. Made on each request: only headings
    /// are asked for it (a few times each), and making it for every unit cost more.
    var plainText: String { CollapsedText.of(lines) }

    var lines: [Line] { pieces.flatMap(\.lines) }
    var first: TextBlock { pieces[0] }
    var last: TextBlock { pieces[pieces.count - 1] }
}
