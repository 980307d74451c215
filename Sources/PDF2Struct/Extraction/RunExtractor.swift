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
        let sizes = raw.fonts.map(\.size)
        let plainStyle = FontStyle(fontName: "")
        var lines: [[TextRun]] = []
        // Refilled for every line and copied out at the line's exact size.
        var line: [TextRun] = []
        line.reserveCapacity(64)
        // The run's text as UTF-8, turned into a String once per run; while it is all ASCII
        // (and it never holds a carriage return) its character count is its byte count.
        var utf8Text: [UInt8] = []
        utf8Text.reserveCapacity(32)
        var isASCII = true
        var box: PageRect? = nil
        var font = -1
        var spaceBefore = false
        var unmapped = 0

        func flushRun() {
            guard let runBox = box, !utf8Text.isEmpty else { return }
            let known = font >= 0 && font < sizes.count
            let style = known ? styles[font] : plainStyle
            let text = String(decoding: utf8Text, as: UTF8.self)
            line.append(TextRun(text: text, fontName: known ? raw.fonts[font].name : "", fontSize: known ? sizes[font] : runBox.height,
                                isBold: style.isBold, isItalic: style.isItalic, bbox: runBox,
                                characterCount: isASCII ? utf8Text.count : text.count, spaceBefore: spaceBefore))
            utf8Text.removeAll(keepingCapacity: true)
            isASCII = true
            box = nil
            spaceBefore = false
        }

        for glyph in raw.glyphs {
            switch glyph.scalar {
            case "\n", "\r":
                flushRun()
                if !line.isEmpty { lines.append(line.withUnsafeBufferPointer(Array.init)) }
                line.removeAll(keepingCapacity: true)
                spaceBefore = false
            case " ", "\t", "\u{00A0}":
                flushRun()
                spaceBefore = !line.isEmpty
            default:
                if glyph.font != font, !utf8Text.isEmpty { flushRun() }
                if let runBox = box, !utf8Text.isEmpty {
                    let size = font >= 0 && font < sizes.count ? sizes[font] : runBox.height
                    let gap = glyph.box.x0 - runBox.x1
                    let jumpsBack = glyph.box.x1 < runBox.x1 - size
                    let leavesLine = glyph.box.verticalOverlap(runBox) == 0
                    if (gap > thresholds.wordGapRatio * size && !leavesLine) || jumpsBack || leavesLine {
                        flushRun()
                        spaceBefore = true
                    }
                }
                let value = glyph.scalar.value
                if value == 0xFFFD || (0xE000...0xF8FF).contains(value) { unmapped += 1 }
                font = glyph.font
                if value < 0x80 {
                    utf8Text.append(UInt8(value))
                } else {
                    isASCII = false
                    utf8Text.append(contentsOf: UTF8.encode(glyph.scalar)!)
                }
                box = box.map { $0.union(glyph.box) } ?? glyph.box
            }
        }
        flushRun()
        if !line.isEmpty { lines.append(line.withUnsafeBufferPointer(Array.init)) }
        return PageText(part: part, page: raw.index + 1, width: raw.width, height: raw.height,
                        lines: lines, unmappedCharacters: unmapped)
    }
}
