/// An axis-aligned rectangle on a page, in PDF points (1/72 inch), origin at the page's top-left
/// corner, y growing downwards. Invariant: `x0 <= x1` and `y0 <= y1`.
public struct PageRect: Equatable, Hashable, Sendable {
    public var x0: Double
    public var y0: Double
    public var x1: Double
    public var y1: Double

    public init(x0: Double, y0: Double, x1: Double, y1: Double) {
        self.x0 = min(x0, x1)
        self.y0 = min(y0, y1)
        self.x1 = max(x0, x1)
        self.y1 = max(y0, y1)
    }

    /// A rectangle whose corners the caller has checked are ordered (`x0 <= x1`, `y0 <= y1`).
    init(orderedX0 x0: Double, y0: Double, x1: Double, y1: Double) {
        self.x0 = x0
        self.y0 = y0
        self.x1 = x1
        self.y1 = y1
    }

    public var width: Double { x1 - x0 }
    public var height: Double { y1 - y0 }
    public var midX: Double { (x0 + x1) / 2 }
    public var midY: Double { (y0 + y1) / 2 }

    /// The smallest rectangle holding both.
    public func union(_ other: PageRect) -> PageRect {
        PageRect(orderedX0: min(x0, other.x0), y0: min(y0, other.y0), x1: max(x1, other.x1), y1: max(y1, other.y1))
    }

    /// The smallest rectangle holding every one of `rects`, which must not be empty (the runs
    /// of a line, the lines of a block). Inlinable, so that callers in other modules get it
    /// specialised: as a generic call through witness tables it doubled the line builder's cost.
    @inlinable
    public init<Rects: Collection>(enclosing rects: Rects) where Rects.Element == PageRect {
        self = rects.dropFirst().reduce(rects[rects.startIndex]) { $0.union($1) }
    }

    /// Length of the vertical overlap of the two rectangles (0 when apart).
    public func verticalOverlap(_ other: PageRect) -> Double {
        max(0, min(y1, other.y1) - max(y0, other.y0))
    }

    /// Length of the horizontal overlap of the two rectangles (0 when apart).
    public func horizontalOverlap(_ other: PageRect) -> Double {
        max(0, min(x1, other.x1) - max(x0, other.x0))
    }
}
