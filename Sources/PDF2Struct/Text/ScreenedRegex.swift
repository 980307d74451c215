import Foundation

/// A compiled regular expression with the `RequiredLiterals` of its pattern: a text lacking
/// them is answered without running the regex.
struct ScreenedRegex {
    let regex: NSRegularExpression
    let literals: RequiredLiterals

    init(pattern: String, options: NSRegularExpression.Options) throws {
        regex = try NSRegularExpression(pattern: pattern, options: options)
        literals = options.isDisjoint(with: [.ignoreMetacharacters, .allowCommentsAndWhitespace])
            ? RequiredLiterals(pattern: pattern) : RequiredLiterals(pattern: "")
    }

    /// True when the regex matches somewhere in `text`.
    func matches(_ text: String) -> Bool {
        guard literals.mayMatch(text) else { return false }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
