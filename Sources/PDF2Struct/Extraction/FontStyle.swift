import Foundation

/// Bold and italic as far as a PDF font name tells them (`ABCDEF+LiberationSerif-BoldItalic`,
/// `CMBX10`, `Times-Italic`). The name is the only evidence poppler's text API exposes.
public struct FontStyle: Equatable, Sendable {
    public var isBold: Bool
    public var isItalic: Bool

    /// Typical descent below the baseline as a share of the font size, used to place baselines
    /// from poppler's glyph boxes (which span descent to ascent).
    public static let descentRatio = 0.21

    /// The expressions the hand matcher (`FontNamePatterns`) stands in for; read only for
    /// names outside printable ASCII.
    static let boldPattern = try! NSRegularExpression(
        pattern: #"bold|black|heavy|semibold|demi|[-,]bd\b|^(cm|sf|lm)bx|^cmb\d|^sfb|^ptmb|^phvb|^pplb|extrab|ultrab"#,
        options: [.caseInsensitive])
    static let italicPattern = try! NSRegularExpression(
        pattern: #"italic|oblique|slanted|[-,]it\b|^(cm|sf|lm)(ti|sl|bxti|bxsl)|^cmmi|^ptmri|^ptmbi|-ital"#,
        options: [.caseInsensitive])

    /// Reads the style from a font name, ignoring a subset prefix such as `ABCDEF+`.
    public init(fontName: String) {
        var name = fontName
        if let plus = name.firstIndex(of: "+"), name.distance(from: name.startIndex, to: plus) == 6 {
            name = String(name[name.index(after: plus)...])
        }
        if let patterns = FontNamePatterns(name) {
            isBold = patterns.isBold
            isItalic = patterns.isItalic
            return
        }
        let range = NSRange(name.startIndex..., in: name)
        isBold = Self.boldPattern.firstMatch(in: name, range: range) != nil
        isItalic = Self.italicPattern.firstMatch(in: name, range: range) != nil
    }
}
