import PopplerText

/// Puts letter-spaced words back together. Covers and title pages often track capitals wide
/// (`C Y B E R - P H Y S I C A L`), and poppler then cuts every letter into a word of its own,
/// which reads badly and, with gaps at every letter, looks like columns to the line builder.
/// Within one line, a stretch of at least `letterSpacedMinRuns` one-character runs (letters of
/// alphabetic scripts, digits, hyphens and the like, at least half of them letters) in one
/// font, each at most `letterSpacedMaxGapRatio` of the font size after the one before, is
/// letter-spaced text: neighbours closer than `letterSpacedWordGapFactor` times the stretch's
/// median gap are joined into one run, and wider gaps stay word spaces. Any other run is
/// passed through unchanged.
struct LetterSpacing {
    var thresholds: Thresholds

    /// The runs of one line, letter-spaced words joined.
    func join(_ line: [TextRun]) -> [TextRun] {
        guard mayHoldStretch(line) else { return line }
        var result: [TextRun] = []
        result.reserveCapacity(line.count)
        var start = 0
        while start < line.count {
            var end = start + 1
            if Self.isSpacedCharacter(line[start]) {
                while end < line.count, continuesStretch(line[end], after: line[end - 1]) { end += 1 }
            }
            let stretch = line[start..<end]
            if stretch.count >= thresholds.letterSpacedMinRuns, 2 * stretch.lazy.filter(Self.isLetter).count >= stretch.count {
                result += joinedWords(stretch)
            } else {
                result += stretch
            }
            start = end
        }
        return result
    }

    /// Whether the line has enough one-character runs in a row to hold a stretch at all: the
    /// quick test that lets nearly every line through untouched.
    private func mayHoldStretch(_ line: [TextRun]) -> Bool {
        var inARow = 0
        for run in line {
            inARow = run.characterCount == 1 ? inARow + 1 : 0
            if inARow >= thresholds.letterSpacedMinRuns { return true }
        }
        return false
    }

    /// Whether `run` goes on a stretch of letter-spaced text that `previous` ends.
    private func continuesStretch(_ run: TextRun, after previous: TextRun) -> Bool {
        guard Self.isSpacedCharacter(run), run.font == previous.font, run.fontSize == previous.fontSize else { return false }
        let gap = run.bbox.x0 - previous.bbox.x1
        let size = max(run.fontSize, 1)
        return gap >= 0 && gap <= thresholds.letterSpacedMaxGapRatio * size
            && run.bbox.verticalOverlap(previous.bbox) > 0.5 * min(run.bbox.height, previous.bbox.height)
    }

    /// The stretch's runs joined into words at the gaps no wider than the word-gap limit.
    private func joinedWords(_ stretch: ArraySlice<TextRun>) -> [TextRun] {
        let gaps = zip(stretch.dropFirst(), stretch).map { $0.bbox.x0 - $1.bbox.x1 }.sorted()
        let wordGap = thresholds.letterSpacedWordGapFactor * gaps[gaps.count / 2]
        var words: [TextRun] = []
        var word = [stretch[stretch.startIndex]]
        for index in stretch.indices.dropFirst() {
            if stretch[index].bbox.x0 - stretch[index - 1].bbox.x1 > wordGap {
                words.append(Self.merged(word))
                word = []
            }
            word.append(stretch[index])
        }
        words.append(Self.merged(word))
        return words
    }

    /// One run made of `letters` side by side, styled like the first.
    private static func merged(_ letters: [TextRun]) -> TextRun {
        guard letters.count > 1, let first = letters.first else { return letters[0] }
        return TextRun(text: letters.map(\.text).joined(), font: first.font, fontSize: first.fontSize,
                       isBold: letters.allSatisfy(\.isBold), isItalic: letters.allSatisfy(\.isItalic),
                       bbox: PageRect(enclosing: letters.lazy.map(\.bbox)), baseline: first.baseline,
                       characterCount: letters.count, spaceBefore: first.spaceBefore)
    }

    /// A one-character run that letter-spaced text may hold: a letter of an alphabetic script
    /// (Latin, Greek, Cyrillic; not scripts written without spaces), a digit, or a joining mark.
    private static func isSpacedCharacter(_ run: TextRun) -> Bool {
        guard run.characterCount == 1, let scalar = run.text.unicodeScalars.first else { return false }
        return isLetter(scalar) || ("0"..."9").contains(scalar) || joiningMarks.contains(scalar)
    }

    private static func isLetter(_ run: TextRun) -> Bool {
        run.text.unicodeScalars.first.map(isLetter) ?? false
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x0530 && scalar.properties.isAlphabetic
    }

    /// Marks that stand between the letters of a word: hyphens and dashes, the ampersand,
    /// apostrophes, the full stop of an abbreviation, the slash.
    private static let joiningMarks: Set<Unicode.Scalar> = ["-", "\u{2010}", "\u{2011}", "\u{2013}", "\u{2014}", "&", "'", "\u{2019}", ".", "/"]
}
