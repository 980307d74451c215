import Foundation

/// The backslash escapes of the Markdown writer, worked out on UTF-8 bytes. Plain ASCII
/// surroundings take a byte path; where Unicode grapheme rules or canonical equivalence could
/// matter (a markup character beside a non-ASCII scalar, U+1FEF which equals "`" as a
/// `Character`) the text goes through the `Character` rules the output was defined with.
enum MarkdownEscaping {
    /// Characters read as markup inside a line.
    static let inlineMarkup = "\\`*_[]<>|"
    /// First characters that would make a paragraph a heading, quote, list or rule.
    static let lineStartMarkup = "#>+-="
    private static let inlineMarkupBytes = ASCIISet(inlineMarkup)
    private static let lineStartMarkupBytes = ASCIISet(lineStartMarkup)
    /// GREEK VARIA, canonically equivalent to the grave accent, in UTF-8.
    private static let varia: [UInt8] = Array("\u{1FEF}".utf8)
    /// The longest number a paragraph may open with and still read as an ordered list item.
    private static let maximumListNumberDigits = 9

    /// How a stretch of text is to be escaped.
    private enum InlinePlan { case verbatim, bytewise, characterwise }

    // MARK: Inside a line

    static func escapeInline(_ text: String) -> String {
        var text = text
        let plan = text.withUTF8 { inlinePlan($0[...]) }
        switch plan {
        case .verbatim: return text
        case .bytewise:
            var out = TextBuffer(capacity: text.utf8.count + 8)
            text.withUTF8 { appendBytewise($0[...], to: &out) }
            return out.text
        case .characterwise: return escapeInlineByCharacter(text)
        }
    }

    /// Appends `run` (whole scalars of a text) escaped as if it were a string of its own.
    static func appendInline(_ run: Slice<UnsafeBufferPointer<UInt8>>, to out: inout TextBuffer) {
        switch inlinePlan(run) {
        case .verbatim: out.append(run)
        case .bytewise: appendBytewise(run, to: &out)
        case .characterwise: out.append(escapeInlineByCharacter(String(decoding: UnsafeBufferPointer(rebasing: run), as: UTF8.self)))
        }
    }

    private static func inlinePlan(_ run: Slice<UnsafeBufferPointer<UInt8>>) -> InlinePlan {
        let markup = inlineMarkupBytes
        let bytes = UnsafeBufferPointer(rebasing: run)
        var plan = InlinePlan.verbatim
        var index = 0
        while index < bytes.count {
            if markup.contains(bytes[index]) {
                let asciiBefore = index == 0 || bytes[index - 1] < ASCIISet.limit
                let asciiAfter = index + 1 == bytes.count || bytes[index + 1] < ASCIISet.limit
                guard asciiBefore && asciiAfter else { return .characterwise }
                plan = .bytewise
            }
            index += 1
        }
        if plan == .bytewise && contains(varia, in: bytes) { return .characterwise }
        return plan
    }

    private static func appendBytewise(_ run: Slice<UnsafeBufferPointer<UInt8>>, to out: inout TextBuffer) {
        let markup = inlineMarkupBytes
        let bytes = UnsafeBufferPointer(rebasing: run)
        var start = 0
        var index = 0
        while index < bytes.count {
            if markup.contains(bytes[index]) {
                out.append(bytes[start..<index])
                out.append(UInt8(ascii: "\\"))
                start = index
            }
            index += 1
        }
        out.append(bytes[start...])
    }

    /// The defining rule: a backslash before every `Character` in `inlineMarkup`.
    private static func escapeInlineByCharacter(_ text: String) -> String {
        var out = ""
        for ch in text {
            if inlineMarkup.contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }

    private static func contains(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= needle.count else { return false }
        for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
            if bytes[start..<start + needle.count].elementsEqual(needle) { return true }
        }
        return false
    }

    // MARK: At the start of a line

    /// How a paragraph opens.
    private enum LineStart {
        case plain
        /// One of `lineStartMarkup`: a backslash goes in front.
        case markup
        /// `1996. ` or `3)` at the end: a backslash before the prefix's second-to-last character.
        case listNumber(prefixLength: Int)
        /// Non-ASCII or control characters near the start: the regular expression decides.
        case undecided
    }

    static func escapeLineStart(_ text: String) -> String {
        var text = text
        let start = text.withUTF8 { lineStart($0) }
        switch start {
        case .plain: return text
        case .markup: return "\\" + text
        case .listNumber(let prefixLength):
            var out = TextBuffer(capacity: text.utf8.count + 1)
            text.withUTF8 { bytes in
                out.append(bytes[..<(prefixLength - 2)])
                out.append(UInt8(ascii: "\\"))
                out.append(bytes[(prefixLength - 2)...])
            }
            return out.text
        case .undecided: return escapeLineStartByExpression(text)
        }
    }

    private static func lineStart(_ bytes: UnsafeBufferPointer<UInt8>) -> LineStart {
        guard let first = bytes.first else { return .plain }
        if lineStartMarkupBytes.contains(first) {
            return bytes.count == 1 || bytes[1] < ASCIISet.limit ? .markup : .undecided
        }
        guard first.isASCIIDigit else { return .plain }
        var end = 1
        while end < bytes.count && bytes[end].isASCIIDigit { end += 1 }
        guard end <= maximumListNumberDigits, end < bytes.count,
              bytes[end] == UInt8(ascii: ".") || bytes[end] == UInt8(ascii: ")") else { return .plain }
        end += 1
        guard end < bytes.count else { return .listNumber(prefixLength: end) }
        switch bytes[end] {
        case UInt8(ascii: " "):
            let next = end + 1
            return next == bytes.count || bytes[next] < ASCIISet.limit ? .listNumber(prefixLength: next) : .undecided
        case UInt8(ascii: "!")...UInt8(ascii: "~"): return .plain
        default: return .undecided
        }
    }


    /// The defining rule, on `Character`s and a regular expression.
    private static func escapeLineStartByExpression(_ text: String) -> String {
        guard let first = text.first else { return text }
        if lineStartMarkup.contains(first) { return "\\" + text }
        if let range = text.range(of: #"^[0-9]{1,9}[.)](\s|$)"#, options: .regularExpression) {
            var prefix = String(text[range])
            prefix.insert("\\", at: prefix.index(before: prefix.index(prefix.endIndex, offsetBy: -1)))
            return prefix + text[range.upperBound...]
        }
        return text
    }
}

/// A set of ASCII bytes as a 128-bit mask.
struct ASCIISet {
    /// Bytes from here on are not ASCII (they belong to multi-byte UTF-8 sequences).
    static let limit: UInt8 = 0x80
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    init(_ members: String) {
        for byte in members.utf8 where byte < Self.limit {
            if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
        }
    }

    func contains(_ byte: UInt8) -> Bool {
        byte < 64 ? low >> UInt64(byte) & 1 == 1 : byte < Self.limit && high >> UInt64(byte - 64) & 1 == 1
    }
}
