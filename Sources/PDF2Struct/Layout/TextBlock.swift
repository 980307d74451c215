import PopplerText

/// Consecutive lines of one page that belong together: a paragraph, a heading, a list item, a
/// note. Invariant: `lines` is non-empty and in reading order. The box, size and style derived
/// from the lines are worked out once, when the block is made.
public struct TextBlock: Equatable, Sendable {
    public let lines: [Line]
    public var part: Int
    public var page: Int

    public let bbox: PageRect
    /// The size most characters of the block are set in.
    public let mainSize: Double
    public let isBold: Bool
    public let isItalic: Bool

    public init(lines: [Line], part: Int, page: Int) {
        self.lines = lines
        self.part = part
        self.page = page
        bbox = PageRect(enclosing: lines.lazy.map(\.bbox))
        mainSize = Self.mainSize(of: lines)
        isBold = lines.allSatisfy(\.isBold)
        isItalic = lines.allSatisfy(\.isItalic)
    }

    /// The size with the most characters (the larger on a tie).
    private static func mainSize(of lines: [Line]) -> Double {
        if lines.count == 1 { return lines[0].mainSize }
        var weight: [Double: Int] = [:]
        for line in lines { weight[line.mainSize, default: 0] += line.characterCount }
        return weight.max { a, b in a.value != b.value ? a.value < b.value : a.key < b.key }?.key ?? 0
    }

    /// Plain text with single spaces between lines, markers included (for classification).
    public var plainText: String { lines.map(\.text).joined(separator: " ") }

    public var provenance: Provenance { Provenance(part: part, page: page, bbox: bbox) }
}
