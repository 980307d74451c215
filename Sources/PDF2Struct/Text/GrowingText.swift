/// The text a `TextComposer` builds, kept as UTF-8 bytes: appending a piece to a byte array
/// costs a copy, where `String` appending checked and grew its storage each time (a third of
/// composing). The questions the composer asks of the end of the text are answered from the
/// last bytes when they settle them, else by `String` itself, as before.
struct GrowingText {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    var isEmpty: Bool { bytes.isEmpty }

    /// The text as a string.
    var string: String { String(decoding: bytes, as: UTF8.self) }

    mutating func append(_ piece: String) {
        bytes.append(contentsOf: piece.utf8)
    }

    mutating func appendSpace() {
        bytes.append(0x20)
    }

    /// True when the scalar ending at byte offset `end` (exclusive) is a character boundary
    /// on its left for what follows: there is none, or it is a standalone scalar (see
    /// `StandaloneScalars`), which no following scalar joins.
    private func standsApart(before end: Int) -> Bool {
        guard end > 0 else { return true }
        if bytes[end - 1] < 0x80 { return bytes[end - 1] != 0x0D }
        return bytes.withUnsafeBufferPointer { buffer in
            StandaloneScalars.contains(buffer.scalar(at: buffer.scalarStart(before: end)).scalar)
        }
    }

    /// `string.hasSuffix(" ")`.
    func endsWithSpace() -> Bool {
        guard bytes.last == 0x20 else { return false }
        return standsApart(before: bytes.count - 1) || string.hasSuffix(" ")
    }

    /// `string.hasSuffix(" -")`.
    func endsWithSpacedHyphen() -> Bool {
        let count = bytes.count
        guard count >= 2, bytes[count - 1] == UInt8(ascii: "-"), bytes[count - 2] == 0x20 else { return false }
        return standsApart(before: count - 2) || string.hasSuffix(" -")
    }

    /// Turns a final `" -"` (see `endsWithSpacedHyphen`) into `"-"`.
    mutating func closeSpacedHyphen() {
        bytes.removeLast(2)
        bytes.append(UInt8(ascii: "-"))
    }

    /// Removes a final hyphen character, `-` or `‐` (U+2010, E2 80 90): the text must end in one.
    mutating func removeFinalHyphen() {
        bytes.removeLast(bytes.last == UInt8(ascii: "-") ? 1 : 3)
    }

    /// True when the text ends in a hyphen after a letter or a period. Settled from the last
    /// three bytes when they are ASCII (each then a character of its own), else by characters.
    func endsWithHyphen() -> Bool {
        guard let lastByte = bytes.last else { return false }
        // A last character `-` or `‐` (U+2010, UTF-8 E2 80 90) is that very last scalar.
        guard lastByte == UInt8(ascii: "-") || lastByte == 0x90 else { return false }
        let count = bytes.count
        if lastByte == UInt8(ascii: "-") {
            guard count >= 2 else { return false }
            let before = bytes[count - 2]
            let earlier = count >= 3 ? bytes[count - 3] : 0
            if before < 0x80 && earlier < 0x80 {
                return before &- 0x41 < 26 || before &- 0x61 < 26 || before == UInt8(ascii: ".")
            }
        }
        let text = string
        guard let last = text.last, last == "-" || last == "\u{2010}" else { return false }
        let beforeLast = text.dropLast().last
        return beforeLast?.isLetter == true || beforeLast == "."
    }
}
