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

    /// True when `text` has letters and all of them are capitals.
    public static func isAllCaps(_ text: String) -> Bool {
        // Scalar by scalar while every scalar is a character of its own; else by characters.
        var hasLetter = false, hasOther = false
        for scalar in text.unicodeScalars {
            guard StandaloneScalars.contains(scalar) else {
                let letters = text.filter(\.isLetter)
                return !letters.isEmpty && letters.allSatisfy(\.isUppercase)
            }
            switch scalar.value {
            case 0x41...0x5A: hasLetter = true
            case 0x61...0x7A: hasLetter = true; hasOther = true
            case 0..<0x80: break
            default:
                let character = Character(scalar)
                if character.isLetter {
                    hasLetter = true
                    if !character.isUppercase { hasOther = true }
                }
            }
        }
        return hasLetter && !hasOther
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
