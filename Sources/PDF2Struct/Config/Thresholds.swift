/// Every numeric threshold the heuristics use, with units, in one place. Sizes are ratios of the
/// document's body font size unless the name says otherwise; distances are in points.
public struct Thresholds: Codable, Equatable, Sendable {
    // MARK: Runs and lines
    /// A horizontal gap between two glyphs wider than this share of the font size is a word
    /// space even where the PDF has no space character.
    public var wordGapRatio: Double = 0.3
    /// A gap inside a line wider than this multiple of the font size is a column gutter (or the
    /// space between a margin heading and its text): the line is split there.
    public var columnGapRatio: Double = 2.0
    /// A vertical strip is a gutter when at most this share of the busiest strip's lines cover it.
    public var gutterMaxCoverageShare: Double = 0.25
    /// A band of the page (lines between clear horizontal gaps) is searched for gutters of its
    /// own when it has at least this many lines.
    public var bandGutterMinLines: Int = 4
    /// Runs whose baselines differ by less than this share of their size share a line when
    /// lines are rebuilt from geometry.
    public var baselineToleranceRatio: Double = 0.45

    // MARK: Reading order
    /// A vertical strip free of text at least this multiple of the body size wide separates
    /// columns.
    public var minGutterRatio: Double = 0.7
    /// A horizontal gap at least this share of the usual line height may separate bands of a
    /// page (a full-width title above two columns).
    public var minBandGapRatio: Double = 0.5
    /// A side column no wider than this share of the text beside it, holding at most
    /// `marginColumnMaxLineShare` as many lines, is a margin (side headings, notes) read
    /// interleaved with that text rather than before it.
    public var marginColumnMaxWidthShare: Double = 0.4
    public var marginColumnMaxLineShare: Double = 0.5
    /// Pages with more lines than this keep poppler's order (bounded time on hostile pages).
    public var readingOrderMaxLines: Int = 3000
    /// Letters of text set vertically (a rotated margin line) stand one below the other: a
    /// sideways letter box continues the one before when their left and right edges agree, and
    /// the gap or overlap between them is, within this share of the font size.
    public var verticalLetterToleranceRatio: Double = 0.25
    /// Letter-spaced text (`C Y B E R`, tracked wide on covers and title pages), which poppler
    /// cuts into one-letter words, is this many one-character runs in a row or more: ordinary
    /// prose never has four one-letter words in a row.
    public var letterSpacedMinRuns: Int = 4
    /// The letters of letter-spaced text stand at most this share of the font size apart.
    public var letterSpacedMaxGapRatio: Double = 1.0
    /// Within letter-spaced text, a gap wider than this multiple of the text's median gap
    /// separates two words; narrower gaps are the tracking inside a word.
    public var letterSpacedWordGapFactor: Double = 1.6
    /// A line of at least four characters in one column is set vertically when its box is at
    /// least this many times as tall as it is wide and as its type is large.
    public var verticalLineMinAspect: Double = 3
    /// A run whose size is at most this share of its line's main size may be a note marker.
    public var markerMaxSizeRatio: Double = 0.88
    /// A run whose baseline sits above the line's baseline by at least this share of the line's
    /// main size is raised (superscript).
    public var markerMinRaiseRatio: Double = 0.18

    // MARK: Furniture
    /// Lines within this many lines of the top or bottom of a page are furniture candidates.
    public var furnitureBandLines: Int = 2
    /// Share of the document's pages a normalised top/bottom line must recur on to be a running
    /// header or footer (alternating even/odd headers recur on about half).
    public var runningHeaderMinPageShare: Double = 0.3
    /// A recurring line must also recur on at least this many pages.
    public var runningHeaderMinPages: Int = 2

    // MARK: Blocks
    /// A gap between lines larger than this multiple of the block's usual line pitch starts a
    /// new block.
    public var paragraphGapRatio: Double = 1.45
    /// A first line indented by at least this many points more than the block's left edge
    /// starts a new paragraph (first-line indent), when the previous line was full.
    public var firstLineIndentPoints: Double = 6
    /// A line ending at least this share of the block width before the right edge is short:
    /// after it, a line that starts a sentence starts a new paragraph.
    public var shortLineShare: Double = 0.12
    /// Lines whose sizes differ by more than this ratio never share a block.
    public var blockSizeChangeRatio: Double = 0.08

    // MARK: Contents
    /// A contents title set without dot leaders stands level with its page number when their
    /// baselines differ by at most this share of the title line's main size.
    public var contentsBaselineToleranceRatio: Double = 0.4
    /// A column of page numbers under a Contents heading makes a contents listing when at
    /// least this many lines left of it stand level with its numbers.
    public var contentsMinEntries: Int = 3

    // MARK: Headings
    /// A block at least this much larger than the body size is set in a heading size.
    public var headingMinSizeRatio: Double = 1.12
    /// A heading has at most this many words.
    public var headingMaxWords: Int = 24
    /// A heading has at most this many lines.
    public var headingMaxLines: Int = 5
    /// The title on the first page is at least this much larger than the body size.
    public var titleMinSizeRatio: Double = 1.35
    /// Levels given by style alone go no deeper than this (deeper levels need numbering or an
    /// outline to show them).
    public var maxStyleLevel: Int = 4
    /// Heading texts and outline titles match when their similarity is at least this.
    public var outlineMatchRatio: Double = 0.85

    // MARK: Notes
    /// Footnote text is at most this share of the body size.
    public var footnoteMaxSizeRatio: Double = 0.93

    // MARK: Paragraph joins across breaks
    /// Join a page's last paragraph with the next page's first when their sizes are this close.
    public var crossBreakSizeTolerance: Double = 0.08

    public init() {}
}
