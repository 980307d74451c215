/// Unicode scalars that never join a neighbour of the same kind into one character: ASCII,
/// the rest of Latin-1 and the Latin letters below U+0300 (where combining marks begin), and
/// the dashes, quotes, bullets and other punctuation of U+2010–U+2027 and U+2030–U+205E. In
/// text made only of them every scalar is a character of its own (CR LF aside, two whitespace
/// scalars that make one whitespace character), so such text can be scanned scalar by scalar
/// with the same outcome as character by character.
enum StandaloneScalar {
    static func contains(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x300, 0x2010...0x2027, 0x2030...0x205E: return true
        default: return false
        }
    }

    /// `Character.isWhitespace` of the scalar standing alone, with an ASCII fast path.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20: return true
        case 0..<0x80: return false
        default: return scalar.properties.isWhitespace
        }
    }
}
