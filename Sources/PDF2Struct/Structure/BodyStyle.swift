/// The document's body text size: the size most characters are set in. Headings, notes and
/// markers are all judged relative to it.
public struct BodyStyle: Equatable, Sendable {
    public var size: Double

    public init(size: Double) {
        self.size = size
    }

    /// Measures the body size over all lines (characters weighted; ties go to the larger size).
    public init(lines: some Sequence<Line>) {
        self.init(weights: Self.weights(of: lines))
    }

    /// The size with the most characters in `weights` (characters per main size, as
    /// `weights(of:)` counts them, possibly summed over several stretches of lines).
    public init(weights: [Double: Int]) {
        size = weights.max { a, b in a.value != b.value ? a.value < b.value : a.key < b.key }?.key ?? 10
    }

    /// Characters per main size over `lines`.
    public static func weights(of lines: some Sequence<Line>) -> [Double: Int] {
        var weight: [Double: Int] = [:]
        for line in lines { weight[line.mainSize, default: 0] += line.characterCount }
        return weight
    }
}
