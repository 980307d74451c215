/// The look of a heading: size (to half a point), weight, slant, capitals. Headings sharing a
/// style share a level unless stronger evidence says otherwise.
public struct HeadingStyle: Hashable, Sendable {
    public var size: Double
    public var isBold: Bool
    public var isItalic: Bool
    public var isAllCaps: Bool

    public init(size: Double, isBold: Bool, isItalic: Bool, isAllCaps: Bool) {
        self.size = (size * 2).rounded() / 2
        self.isBold = isBold
        self.isItalic = isItalic
        self.isAllCaps = isAllCaps
    }

    /// True when `self` looks more prominent than `other`: larger, then bold, capitals, upright.
    public func isMoreProminent(than other: HeadingStyle) -> Bool {
        if size != other.size { return size > other.size }
        if isBold != other.isBold { return isBold }
        if isAllCaps != other.isAllCaps { return isAllCaps }
        if isItalic != other.isItalic { return !isItalic }
        return false
    }
}
