/// The literal ASCII text that every match of a pattern anchored at the start of its input
/// (`^we recommend\b`) opens with, lower-cased: a text that does not open with it, ignoring
/// ASCII case, cannot match. Read only from patterns of one branch without inline flags;
/// empty when the pattern is not anchored this way or opens with anything but a literal.
struct AnchoredPrefix: Sendable {
    let bytes: [UInt8]

    /// `anchorsMatchLines`: whether `^` also matches after each line break (then nothing is read).
    init(pattern: String, anchorsMatchLines: Bool) {
        let scalars = Array(pattern.unicodeScalars)
        guard !anchorsMatchLines, scalars.first == "^", !pattern.contains("|"), !pattern.contains("(?") else {
            bytes = []
            return
        }
        var prefix: [UInt8] = []
        var index = 1
        while index < scalars.count {
            var literal = scalars[index]
            var length = 1
            if literal == "\\" {
                // An escaped ASCII punctuation mark is that mark; escaped letters and digits are
                // classes, assertions or codes.
                guard index + 1 < scalars.count, scalars[index + 1].isASCII,
                      !scalars[index + 1].properties.isAlphabetic, !("0"..."9").contains(scalars[index + 1]) else { break }
                literal = scalars[index + 1]
                length = 2
            } else if !literal.isASCII || "^$.|?*+()[]{}".unicodeScalars.contains(literal) {
                break
            }
            // A quantified character is not required where it stands.
            if index + length < scalars.count, "*+?{".unicodeScalars.contains(scalars[index + length]) { break }
            prefix.append(UInt8(literal.value).lowercasedASCII)
            index += length
        }
        bytes = prefix
    }

    /// False only when `text` cannot match: its first bytes differ from the prefix in an ASCII
    /// byte, ASCII letters compared in any case. A non-ASCII scalar there (`ﬁ`, the Kelvin sign
    /// fold to ASCII letters) lets the text through.
    func mayMatch(_ text: String) -> Bool {
        guard !bytes.isEmpty else { return true }
        var index = 0
        for byte in text.utf8 {
            guard index < bytes.count else { return true }
            if byte >= 0x80 { return true }
            if byte.lowercasedASCII != bytes[index] { return false }
            index += 1
        }
        return index == bytes.count
    }
}
