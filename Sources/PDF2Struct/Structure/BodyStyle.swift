/// The document's body text size: the size most characters are set in. Headings, notes and
/// markers are all judged relative to it.
public struct BodyStyle: Equatable, Sendable {
    public var size: Double

    public init(size: Double) {
        self.size = size
    }

    /// Measures the body size over all lines (characters weighted; ties go to the larger size).
    public init(lines: some Sequence<Line>) {
        var weight: [Double: Int] = [:]
        for line in lines { weight[line.mainSize, default: 0] += line.characterCount }
        size = weight.max { a, b in a.value != b.value ? a.value < b.value : a.key < b.key }?.key ?? 10
    }
}
