import PopplerText

/// Finds the document title on the first page. Evidence, strongest first:
/// 1. a block matching the title in the PDF's metadata, or contained in it;
/// 2. the largest block set well above the body size in the upper part of the page that is
///    not a numbered heading (`Chapter 1: …` is a heading, not the title);
/// 3. a first block that stands apart as a title does: wholly bold, short, centred.
public struct TitleDetector: Sendable {
    public var thresholds: Thresholds

    public init(thresholds: Thresholds) {
        self.thresholds = thresholds
    }

    /// Index into `blocks` of the title, if any.
    public func find(in blocks: [TextBlock], firstPage: PageLines, bodySize: Double, metadataTitle: String?) -> Int? {
        let anyOnFirstPage = blocks.indices.filter {
            blocks[$0].part == firstPage.part && blocks[$0].page == firstPage.page && blocks[$0].lines.count <= 8
        }
        let onFirstPage = anyOnFirstPage.filter { blocks[$0].lines.count <= 4 }
        if let metadataTitle, !metadataTitle.isEmpty {
            let wanted = HeadingLevelResolver.normalize(metadataTitle)
            if let match = anyOnFirstPage.first(where: {
                HeadingLevelResolver.isSimilar(HeadingLevelResolver.normalize(blocks[$0].plainText), wanted,
                                              atLeast: thresholds.outlineMatchRatio)
            }) {
                return match
            }
            // Metadata titles often carry a report number or series name around the printed
            // title: a block of four words or more that the metadata title contains will do.
            let contained = anyOnFirstPage.filter { i in
                let text = HeadingLevelResolver.normalize(blocks[i].plainText)
                return text.split(separator: " ").count >= 4 && wanted.contains(text)
            }
            if let longest = contained.max(by: { blocks[$0].plainText.count < blocks[$1].plainText.count }) {
                return longest
            }
        }
        let large = onFirstPage.filter { i in
            blocks[i].mainSize >= thresholds.titleMinSizeRatio * bodySize && blocks[i].bbox.y0 < 0.6 * firstPage.height
                && HeadingNumbering.level(of: blocks[i].plainText) == nil
        }
        if let largest = large.map({ blocks[$0].mainSize }).max() {
            return large.first { blocks[$0].mainSize == largest }
        }
        guard let first = onFirstPage.first else { return nil }
        let block = blocks[first]
        let centred = abs(block.bbox.midX - firstPage.width / 2) < 0.1 * firstPage.width
        let short = block.lines.count <= 3 && block.plainText.split(separator: " ").count <= 20
        if block.isBold, centred, short, HeadingNumbering.level(of: block.plainText) == nil { return first }
        return nil
    }
}
