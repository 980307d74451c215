import PopplerText
@testable import PDF2Struct

/// Builds synthetic runs and lines for stage tests: words laid out left to right at a fixed
/// advance per character, so no PDF is needed.
enum SyntheticPage {
    /// One line of words at (`x`, `y` = top of the line box).
    static func runs(_ text: String, x: Double = 72, y: Double, size: Double = 11, bold: Bool = false, italic: Bool = false) -> [TextRun] {
        var runs: [TextRun] = []
        var cursor = x
        for (i, word) in text.split(separator: " ").enumerated() {
            let width = Double(word.count) * size * 0.5
            runs.append(TextRun(text: String(word), fontSize: size, isBold: bold, isItalic: italic,
                                bbox: PageRect(x0: cursor, y0: y, x1: cursor + width, y1: y + size * 1.1),
                                spaceBefore: i > 0))
            cursor += width + size * 0.25
        }
        return runs
    }

    /// A raised, smaller marker run right after `runs`.
    static func marker(_ label: String, after runs: [TextRun], size: Double = 11) -> TextRun {
        let last = runs.last!
        let small = size * 0.6
        return TextRun(text: label, fontSize: small,
                       bbox: PageRect(x0: last.bbox.x1, y0: last.bbox.y0 - 2, x1: last.bbox.x1 + small * 0.5, y1: last.bbox.y0 - 2 + small * 1.1),
                       spaceBefore: false)
    }

    static func line(_ text: String, x: Double = 72, y: Double, size: Double = 11, bold: Bool = false) -> Line {
        LineBuilder(thresholds: Thresholds()).makeLine(runs(text, x: x, y: y, size: size, bold: bold))
    }

    static func page(_ lines: [Line], page: Int = 1, part: Int = 1) -> PageLines {
        PageLines(part: part, page: page, width: 612, height: 792, lines: lines)
    }
}
