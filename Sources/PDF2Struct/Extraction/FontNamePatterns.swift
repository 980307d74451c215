/// The bold and italic evidence of a PDF font name, matched by hand over its bytes. Gives the
/// same answers as `FontStyle`'s case-insensitive regular expressions for any name of
/// printable ASCII (which every font name seen so far is), without compiling a regular
/// expression per process; `nil` for any other name, which the expressions then decide.
struct FontNamePatterns {
    /// The name lower-cased, or nil when it holds a byte outside printable ASCII.
    private let bytes: [UInt8]

    init?(_ name: String) {
        var lowered: [UInt8] = []
        lowered.reserveCapacity(name.utf8.count)
        for byte in name.utf8 {
            guard byte.isPrintableASCII else { return nil }
            lowered.append(byte.lowercasedASCII)
        }
        bytes = lowered
    }

    /// `bold|black|heavy|semibold|demi|[-,]bd\b|^(cm|sf|lm)bx|^cmb\d|^sfb|^ptmb|^phvb|^pplb|extrab|ultrab`
    var isBold: Bool {
        contains("bold") || contains("black") || contains("heavy") || contains("demi")
            || containsSeparated("bd")
            || startsWith("cmbx") || startsWith("sfbx") || startsWith("lmbx")
            || (startsWith("cmb") && bytes.count > 3 && bytes[3].isASCIIDigit)
            || startsWith("sfb") || startsWith("ptmb") || startsWith("phvb") || startsWith("pplb")
            || contains("extrab") || contains("ultrab")
    }

    /// `italic|oblique|slanted|[-,]it\b|^(cm|sf|lm)(ti|sl|bxti|bxsl)|^cmmi|^ptmri|^ptmbi|-ital`
    var isItalic: Bool {
        if contains("italic") || contains("oblique") || contains("slanted") || containsSeparated("it") { return true }
        for family in ["cm", "sf", "lm"] where startsWith(family) {
            for shape in ["ti", "sl", "bxti", "bxsl"] where startsWith(family + shape) { return true }
        }
        return startsWith("cmmi") || startsWith("ptmri") || startsWith("ptmbi") || contains("-ital")
    }

    private func startsWith(_ prefix: String) -> Bool {
        bytes.starts(with: prefix.utf8)
    }

    private func contains(_ word: String) -> Bool {
        let pattern = Array(word.utf8)
        guard bytes.count >= pattern.count else { return false }
        for start in 0...(bytes.count - pattern.count) where bytes[start] == pattern[0] {
            if bytes[start..<(start + pattern.count)].elementsEqual(pattern) { return true }
        }
        return false
    }

    /// `[-,]word\b`: the word after a hyphen or comma, ending the name or followed by a byte
    /// that is not a word character.
    private func containsSeparated(_ word: String) -> Bool {
        let pattern = Array(word.utf8)
        guard bytes.count > pattern.count else { return false }
        for start in 1...(bytes.count - pattern.count) where bytes[start - 1] == 0x2D || bytes[start - 1] == 0x2C {
            let end = start + pattern.count
            if bytes[start..<end].elementsEqual(pattern), end == bytes.count || !Self.isWordByte(bytes[end]) { return true }
        }
        return false
    }


    /// A regular expression's `\w` within ASCII: letters, digits and the underscore.
    private static func isWordByte(_ byte: UInt8) -> Bool {
        byte.isASCIIDigit || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || byte == 0x5F
    }
}
