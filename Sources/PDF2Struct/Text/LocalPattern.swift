/// Tells whether an ICU regular expression looks only at the text it matches (and, for `\b`
/// and `\B`, at the characters next to it): no anchors, lookaround, atomic or possessive
/// parts, quoting or inline flags. For such a pattern, a match in a piece of a text cut at
/// whitespace is also a match in the whole text, so a text the pattern does not match as a
/// whole needs no search piece by piece. The check is conservative: any construct it does
/// not know makes the pattern non-local.
enum LocalPattern {
    /// Escaped letters that stand for one character or a class of them (or for `\b`/`\B`, a
    /// word boundary, which sees the same neighbours in a whitespace-cut piece as in the whole).
    private static let localEscapes = Set("bBdDsSwWhHvVtnrfaepPxuUN".unicodeScalars)
    private static let quantifierEnds = Set("*+?}".unicodeScalars)

    static func isLocal(_ pattern: String) -> Bool {
        let scalars = Array(pattern.unicodeScalars)
        var index = 0
        var classDepth = 0
        var previous: Unicode.Scalar? = nil  // the last unescaped scalar outside classes
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\\" {
                guard index + 1 < scalars.count else { return false }
                let escaped = scalars[index + 1]
                let isLetter = escaped.properties.isAlphabetic
                guard escaped.isASCII, !isLetter || localEscapes.contains(escaped) else { return false }
                // `\p{…}`, `\x{…}`, `\N{…}`: skip the braces, which hold no syntax.
                if "pPxN".unicodeScalars.contains(escaped), index + 2 < scalars.count, scalars[index + 2] == "{" {
                    guard let close = scalars[(index + 2)...].firstIndex(of: "}") else { return false }
                    guard !scalars[(index + 3)..<close].contains(where: { "^$\\[]{".unicodeScalars.contains($0) }) else { return false }
                    index = close + 1
                } else {
                    index += 2
                }
                previous = classDepth == 0 ? "a" : previous
                continue
            }
            if classDepth > 0 {
                if scalar == "[" {
                    guard openClass(scalars, &index) else { return false }
                    classDepth += 1
                    continue
                }
                if scalar == "]" { classDepth -= 1 }
                index += 1
                continue
            }
            switch scalar {
            case "^", "$":
                return false
            case "[":
                guard openClass(scalars, &index) else { return false }
                classDepth = 1
                previous = "]"
                continue
            case "(":
                if index + 1 < scalars.count, scalars[index + 1] == "?" {
                    guard index + 2 < scalars.count, scalars[index + 2] == ":" else { return false }
                    index += 3
                    previous = "("
                    continue
                }
            case "+":
                if let previous, quantifierEnds.contains(previous) { return false }
            default:
                break
            }
            previous = scalar
            index += 1
        }
        return classDepth == 0
    }

    /// Steps over `[` and a leading `^`; false for a class whose first member is `]`, which ICU
    /// and this scan might read differently.
    private static func openClass(_ scalars: [Unicode.Scalar], _ index: inout Int) -> Bool {
        index += 1
        if index < scalars.count, scalars[index] == "^" { index += 1 }
        return index < scalars.count && scalars[index] != "]"
    }
}
