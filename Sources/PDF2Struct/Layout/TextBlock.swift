import PopplerText

/// Consecutive lines of one page that belong together: a paragraph, a heading, a list item, a
/// note. Invariant: `lines` is non-empty and in reading order.
public struct TextBlock: Equatable, Sendable {
    public var lines: [Line]
    public var part: Int
    public var page: Int

    public init(lines: [Line], part: Int, page: Int) {
        self.lines = lines
        self.part = part
        self.page = page
    }

    public var bbox: PageRect { lines.dropFirst().reduce(lines[0].bbox) { $0.union($1.bbox) } }

    /// The size most characters of the block are set in.
    public var mainSize: Double {
        var weight: [Double: Int] = [:]
        for line in lines { weight[line.mainSize, default: 0] += line.characterCount }
        return weight.max { a, b in a.value != b.value ? a.value < b.value : a.key < b.key }?.key ?? 0
    }

    public var isBold: Bool { lines.allSatisfy(\.isBold) }
    public var isItalic: Bool { lines.allSatisfy(\.isItalic) }

    /// Plain text with single spaces between lines, markers included (for classification).
    public var plainText: String { lines.map(\.text).joined(separator: " ") }

    public var provenance: Provenance { Provenance(part: part, page: page, bbox: bbox) }
}
