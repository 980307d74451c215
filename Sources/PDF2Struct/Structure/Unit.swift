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
    var pieces: [TextBlock]
    var level: Int?

    var lines: [Line] { pieces.flatMap(\.lines) }
    var first: TextBlock { pieces[0] }
    var last: TextBlock { pieces[pieces.count - 1] }
    var plainText: String { TextNormalizer.collapseWhitespace(lines.map(\.bodyText).joined(separator: " ")) }
}
