/// A point on a page in PDF points (1/72 inch), origin at the page's top-left corner, y growing
/// downwards, like `PageRect`.
public struct PagePoint: Equatable, Hashable, Sendable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}
