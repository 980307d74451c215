import Foundation

/// A compiled regular expression with the `RequiredLiterals` of its pattern and, for a pattern
/// anchored at the start, its `AnchoredPrefix`: a text lacking either is answered without
/// running the regex.
struct ScreenedRegex {
    let regex: NSRegularExpression
    let literals: RequiredLiterals
    let prefix: AnchoredPrefix

    init(pattern: String, options: NSRegularExpression.Options) throws {
        regex = try NSRegularExpression(pattern: pattern, options: options)
        literals = options.isDisjoint(with: [.ignoreMetacharacters, .allowCommentsAndWhitespace])
            ? RequiredLiterals(pattern: pattern) : RequiredLiterals(pattern: "")
        prefix = options.isDisjoint(with: [.ignoreMetacharacters, .allowCommentsAndWhitespace])
            ? AnchoredPrefix(pattern: pattern, anchorsMatchLines: options.contains(.anchorsMatchLines))
            : AnchoredPrefix(pattern: "", anchorsMatchLines: false)
    }

    /// True when the regex matches somewhere in `text`.
    func matches(_ text: String) -> Bool {
        guard prefix.mayMatch(text), literals.mayMatch(text) else { return false }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
