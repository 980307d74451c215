import PopplerText

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
        var text = GrowingText(capacity: lines.reduce(0) { $0 + $1.runs.reduce(0) { $0 + $1.text.utf8.count + 1 } })
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
                if !text.isEmpty && (pendingSpace || (runIndex > 0 && runs[runIndex].spaceBefore)) && !text.endsWithSpace() {
                    text.appendSpace()
                    scalarCount += 1
                }
                pendingSpace = false
                text.append(piece)
                scalarCount += isASCII ? piece.utf8.count : piece.unicodeScalarCount
            }
            guard lineIndex + 1 < lines.count else { break }
            let next = lines[lineIndex + 1].bodyText
            // Justified text sometimes sets the break hyphen apart ("in -" / "cluded").
            if text.endsWithSpacedHyphen(), next.first?.isLowercase == true {
                text.closeSpacedHyphen()
                scalarCount -= 1
            }
            if text.endsWithHyphen(), dehyphenator.joins(prefix: text.string, suffix: next) {
                text.removeFinalHyphen()
                scalarCount -= 1
                pendingSpace = false
            } else if text.endsWithHyphen(), next.first?.isLetter == true || next.first?.isNumber == true {
                pendingSpace = false  // a real hyphen: keep it and do not add a space
            } else {
                pendingSpace = true
            }
        }
        // References never point past the end of the text.
        for i in references.indices where references[i].offset > scalarCount { references[i].offset = scalarCount }
        return Composed(text: text.string, references: references)
    }
}
