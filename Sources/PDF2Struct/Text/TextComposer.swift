/// Joins lines into one normalised text: runs separated by single spaces, lines joined with a
/// space or, for a hyphen the `Dehyphenator` judges a break, with nothing; note markers taken
/// out of the text and returned as references at their offsets (in Unicode scalars).
public struct TextComposer: Sendable {
    public var dehyphenator: Dehyphenator

    public init(dehyphenator: Dehyphenator) {
        self.dehyphenator = dehyphenator
    }

    public struct Composed: Equatable, Sendable {
        public var text: String
        public var references: [NoteReference]
    }

    public func compose(_ lines: [Line], skippingLeadingRuns skip: Int = 0) -> Composed {
        var text = ""
        text.reserveCapacity(lines.reduce(0) { $0 + $1.runs.reduce(0) { $0 + $1.text.utf8.count + 1 } })
        var scalarCount = 0
        var references: [NoteReference] = []
        var pendingSpace = false

        for (lineIndex, line) in lines.enumerated() {
            let runs = line.runs
            for runIndex in runs.indices {
                if lineIndex == 0 && runIndex < skip { continue }
                let runText = runs[runIndex].text
                if line.raised.contains(runIndex), let labels = NoteMarkerText.labels(in: runText) {
                    for label in labels { references.append(NoteReference(label: label, offset: scalarCount)) }
                    continue
                }
                // ASCII text is its own normal form, one scalar a byte.
                let isASCII = runText.isAllASCII
                let piece = isASCII ? runText : TextNormalizer.normalize(runText)
                guard !piece.isEmpty else { continue }
                if !text.isEmpty && (pendingSpace || (runIndex > 0 && runs[runIndex].spaceBefore)) && !Self.endsWithSpace(text) {
                    text += " "
                    scalarCount += 1
                }
                pendingSpace = false
                text += piece
                scalarCount += isASCII ? piece.utf8.count : Self.scalarCount(piece)
            }
            guard lineIndex + 1 < lines.count else { break }
            let next = lines[lineIndex + 1].bodyText
            // Justified text sometimes sets the break hyphen apart ("in -" / "cluded").
            if text.hasSuffix(" -"), next.first?.isLowercase == true {
                text.removeLast(2)
                text += "-"
                scalarCount -= 1
            }
            if endsWithHyphen(text), dehyphenator.joins(prefix: text, suffix: next) {
                text.removeLast()
                scalarCount -= 1
                pendingSpace = false
            } else if endsWithHyphen(text), next.first?.isLetter == true || next.first?.isNumber == true {
                pendingSpace = false  // a real hyphen: keep it and do not add a space
            } else {
                pendingSpace = true
            }
        }
        // References never point past the end of the text.
        for i in references.indices where references[i].offset > scalarCount { references[i].offset = scalarCount }
        return Composed(text: text, references: references)
    }

    /// The number of Unicode scalars: UTF-8 bytes that start one.
    private static func scalarCount(_ text: String) -> Int {
        text.utf8.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    /// `text.hasSuffix(" ")`, from the last bytes when they settle it: a space after an ASCII
    /// character (or alone) is a character of its own.
    private static func endsWithSpace(_ text: String) -> Bool {
        let bytes = text.utf8
        guard let last = bytes.last, last == 0x20 else { return false }
        let before = bytes.dropLast().last
        if before == nil || before! < 0x80 { return true }
        return text.hasSuffix(" ")
    }

    /// True when the text ends in a hyphen after a letter or a period. Settled from the last
    /// three bytes when they are ASCII (each then a character of its own), else by characters.
    private func endsWithHyphen(_ text: String) -> Bool {
        let bytes = text.utf8
        guard let lastByte = bytes.last else { return false }
        // A last character `-` or `‐` (U+2010, UTF-8 E2 80 90) is that very last scalar.
        guard lastByte == UInt8(ascii: "-") || lastByte == 0x90 else { return false }
        if lastByte == UInt8(ascii: "-") {
            let hyphen = bytes.index(before: bytes.endIndex)
            guard hyphen > bytes.startIndex else { return false }
            let beforeIndex = bytes.index(before: hyphen)
            let before = bytes[beforeIndex]
            let earlier = beforeIndex > bytes.startIndex ? bytes[bytes.index(before: beforeIndex)] : 0
            if before < 0x80 && earlier < 0x80 {
                return before &- 0x41 < 26 || before &- 0x61 < 26 || before == UInt8(ascii: ".")
            }
        }
        guard let last = text.last, last == "-" || last == "\u{2010}" else { return false }
        let beforeLast = text.dropLast().last
        return beforeLast?.isLetter == true || beforeLast == "."
    }
}
