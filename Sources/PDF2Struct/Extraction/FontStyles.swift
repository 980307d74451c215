/// The styles of the font names seen so far: a document names the same few fonts on every
/// page, so each name is read once per extraction thread rather than once per page.
public struct FontStyles: Sendable {
    private var known: [String: FontStyle] = [:]

    public init() {}

    /// The style `FontStyle(fontName:)` reads from `name`.
    public mutating func style(of name: String) -> FontStyle {
        if let style = known[name] { return style }
        let style = FontStyle(fontName: name)
        known[name] = style
        return style
    }
}
