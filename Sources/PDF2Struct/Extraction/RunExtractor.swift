import PopplerText

/// Turns poppler's characters into runs: splits at line breaks, spaces, font changes and
/// gaps wide enough to be a space poppler did not write (a tab after a list label).
/// Never drops a printable character; spaces become `spaceBefore` flags.
public struct RunExtractor: Sendable {
    public var thresholds: Thresholds

    public init(thresholds: Thresholds = Thresholds()) {
        self.thresholds = thresholds
    }

    /// Each line's runs are stored at their exact count: the arrays are kept until the whole
    /// document is structured.
    public func extract(_ raw: RawPage, part: Int) -> PageText {
        var styles = FontStyles()
        return extract(raw, part: part, styles: &styles)
    }

    /// `extract(_:part:)` with the font styles read on earlier pages.
    public func extract(_ raw: RawPage, part: Int, styles known: inout FontStyles) -> PageText {
        let styles = raw.fonts.map { known.style(of: $0.name) }
        var text = raw.text
        let (lines, unmapped) = text.withUTF8 { bytes in
            raw.boxes.withUnsafeBufferPointer { boxes in
                raw.fontIndices.withUnsafeBufferPointer { fonts in
                    runLines(bytes: bytes, boxes: boxes, fontIndices: fonts, fonts: raw.fonts, styles: styles)
                }
            }
        }
        let letterSpacing = LetterSpacing(thresholds: thresholds)
        return PageText(part: part, page: raw.index + 1, width: raw.width, height: raw.height,
                        lines: lines.map(letterSpacing.join), fonts: raw.fonts, unmappedCharacters: unmapped)
    }

    /// The runs of a page's text, line by line, and how many of its characters are unmapped.
    /// Walks the UTF-8 bytes once; scalar `i` has box `boxes[i]` and font `fontIndices[i]`. A
    /// run's text is always one stretch of the page's bytes (spaces and line breaks end runs
    /// and are never inside one), so it is made into a String straight from them.
    private func runLines(bytes: UnsafeBufferPointer<UInt8>, boxes: UnsafeBufferPointer<PageRect>,
                          fontIndices: UnsafeBufferPointer<Int32>, fonts: [RawFont], styles: [FontStyle]) -> ([[TextRun]], Int) {
        let sizes = fonts.map(\.size)
        let plainStyle = FontStyle(fontName: "")
        var lines: [[TextRun]] = []
        // Refilled for every line and copied out at the line's exact size.
        var line: [TextRun] = []
        line.reserveCapacity(64)
        // The open run: its bytes, whether they are all ASCII (then, as a run never holds a
        // carriage return, its character count is its byte count), its box and font.
        var runStart = 0, runEnd = 0
        var isASCII = true
        var box: PageRect? = nil
        // The box of the run's last glyph: text set vertically (a rotated margin line) goes on
        // below or above it, not to its right.
        var lastGlyph = PageRect(x0: 0, y0: 0, x1: 0, y1: 0)
        var font = -1
        var spaceBefore = false
        var unmapped = 0

        func flushRun() {
            guard let runBox = box else { return }
            let known = font >= 0 && font < sizes.count
            let style = known ? styles[font] : plainStyle
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<runEnd]), as: UTF8.self)
            line.append(TextRun(text: text, font: known ? Int32(font) : -1, fontSize: known ? sizes[font] : runBox.height,
                                isBold: style.isBold, isItalic: style.isItalic, bbox: runBox,
                                characterCount: isASCII ? runEnd - runStart : text.count, spaceBefore: spaceBefore))
            isASCII = true
            box = nil
            spaceBefore = false
        }

        var offset = 0
        var scalarIndex = 0
        let scalars = min(boxes.count, fontIndices.count)
        while offset < bytes.count, scalarIndex < scalars {
            let (scalar, length) = bytes.scalar(at: offset)
            let value = scalar.value
            defer {
                offset += length
                scalarIndex += 1
            }
            switch value {
            case 0x0A, 0x0D:
                flushRun()
                if !line.isEmpty { lines.append(line.withUnsafeBufferPointer(Array.init)) }
                line.removeAll(keepingCapacity: true)
                spaceBefore = false
            case 0x20, 0x09, 0xA0:
                flushRun()
                spaceBefore = !line.isEmpty
            default:
                let glyphFont = Int(fontIndices[scalarIndex])
                let glyphBox = boxes[scalarIndex]
                if glyphFont != font, box != nil { flushRun() }
                let knownSize: Double? = font >= 0 && font < sizes.count ? sizes[font] : nil
                if let runBox = box, !continuesVertically(glyphBox, after: lastGlyph, size: knownSize ?? runBox.width) {
                    let size = knownSize ?? runBox.height
                    let gap = glyphBox.x0 - runBox.x1
                    let jumpsBack = glyphBox.x1 < runBox.x1 - size
                    let leavesLine = glyphBox.verticalOverlap(runBox) == 0
                    if gap > thresholds.wordGapRatio * size || jumpsBack || leavesLine {
                        flushRun()
                        spaceBefore = true
                    }
                }
                font = glyphFont
                if value >= 0x80 {
                    isASCII = false
                    if value == 0xFFFD || (0xE000...0xF8FF).contains(value) { unmapped += 1 }
                }
                if let runBox = box {
                    box = runBox.union(glyphBox)
                } else {
                    box = glyphBox
                    runStart = offset
                }
                runEnd = offset + length
                lastGlyph = glyphBox
            }
        }
        flushRun()
        if !line.isEmpty { lines.append(line.withUnsafeBufferPointer(Array.init)) }
        return (lines, unmapped)
    }

    /// True when `glyph` stands directly below or above `last` in the same column, touching it,
    /// and both are set sideways (a letter's box is as wide as the line is thick and only its
    /// advance tall): the next letter of a word set vertically, as in a rotated margin line.
    /// Letters of a horizontal line overlap vertically and follow to the right, and their
    /// boxes are taller than wide, so they never pass this test.
    @inline(__always)
    func continuesVertically(_ glyph: PageRect, after last: PageRect, size: Double) -> Bool {
        // Sideways first: nearly every letter of horizontal text fails it.
        guard glyph.height < glyph.width, last.height < last.width else { return false }
        let tolerance = thresholds.verticalLetterToleranceRatio * size
        let sameColumn = abs(glyph.x0 - last.x0) <= tolerance && abs(glyph.x1 - last.x1) <= tolerance
        let below = abs(glyph.y0 - last.y1) <= tolerance
        let above = abs(last.y0 - glyph.y1) <= tolerance
        return sameColumn && (below || above)
    }

}
