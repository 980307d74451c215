import Testing
import PopplerText
@testable import PDF2Struct

@Suite("Layout")
struct LayoutTests {
    let thresholds = Thresholds()

    @Test("A raised, smaller run after punctuation is flagged as a superscript")
    func superscriptIsRaised() {
        var runs = SyntheticPage.runs("signed in 1996.", y: 100)
        runs.append(SyntheticPage.marker("3", after: runs))
        let line = LineBuilder(thresholds: thresholds).makeLine(runs)
        #expect(line.raised == [3])
        #expect(line.bodyText == "signed in 1996.")
        #expect(line.mainSize == 11)
    }

    @Test("A small run on the baseline is not a superscript")
    func smallRunOnBaselineIsNotRaised() {
        var runs = SyntheticPage.runs("see table", y: 100)
        runs.append(TextRun(text: "A", fontSize: 8, bbox: PageRect(x0: 200, y0: 102, x1: 205, y1: 110.8), spaceBefore: true))
        #expect(LineBuilder(thresholds: thresholds).makeLine(runs).raised.isEmpty)
    }

    @Test("A paragraph break is found at a first-line indent after full lines")
    func firstLineIndentStartsParagraph() {
        let lines = [
            SyntheticPage.line("The alliance entered the decade with a long list of open questions", y: 100),
            SyntheticPage.line("about bases, burden sharing and the shape of the command structure.", y: 114),
            SyntheticPage.line("Officials on both sides agreed that the questions could not wait", x: 90, y: 128),
            SyntheticPage.line("for another review cycle without risking the trust of the public.", y: 142),
        ]
        let blocks = BlockBuilder(thresholds: thresholds).build(lines, part: 1, page: 1)
        #expect(blocks.map(\.lines.count) == [2, 2])
    }

    @Test("A wide gap and a size change separate a heading from its paragraph")
    func headingSeparatedBySizeAndGap() {
        let lines = [
            SyntheticPage.line("2. Security", y: 80, size: 14, bold: true),
            SyntheticPage.line("The security relationship has changed more in five years than in", y: 110),
            SyntheticPage.line("the twenty before them, and the change is still under way today.", y: 124),
        ]
        let blocks = BlockBuilder(thresholds: thresholds).build(lines, part: 1, page: 1)
        #expect(blocks.map(\.lines.count) == [1, 2])
    }

    @Test("Hanging-indent lines of a note stay in one block")
    func hangingIndentStaysTogether() {
        let lines = [
            SyntheticPage.line("12. Joint Statement of the Security Consultative Committee, issued", y: 600, size: 9),
            SyntheticPage.line("in Washington on 19 February 2005, paragraph 4.", x: 86, y: 611, size: 9),
        ]
        #expect(BlockBuilder(thresholds: thresholds).build(lines, part: 1, page: 1).count == 1)
    }

    @Test("Each bulleted line opens a new block")
    func bulletsOpenBlocks() {
        let lines = [
            SyntheticPage.line("• consolidate the training areas", y: 100),
            SyntheticPage.line("• share the costs of relocation", y: 114),
        ]
        #expect(BlockBuilder(thresholds: thresholds).build(lines, part: 1, page: 1).count == 2)
    }

    @Test("Running headers recurring on many pages and page numbers are furniture; body lines are not")
    func runningHeadersAndPageNumbers() {
        var pages: [PageLines] = []
        for n in 1...6 {
            pages.append(SyntheticPage.page([
                SyntheticPage.line("The Alliance in 2005", y: 40, size: 8),
                SyntheticPage.line("Body text that differs on every page number \(n * 7) of the report.", y: 100),
                SyntheticPage.line(["Rain fell.", "Costs rose.", "Bases moved.", "Trade grew.", "Talks ended.", "Votes counted."][n - 1], y: 114),
                SyntheticPage.line("\(n + 19)", x: 300, y: 750, size: 9),
            ], page: n))
        }
        let findings = RunningHeaderDetector(thresholds: thresholds).detect(pages)
        #expect(findings.filter { $0.kind == .runningHeader }.count == 6)
        #expect(findings.filter { $0.kind == .pageNumber }.count == 6)
        #expect(!findings.contains { $0.lineIndex == 1 || $0.lineIndex == 2 })
    }

    @Test("A title set across both columns is not cut where its word space meets the column gutter")
    func titleAcrossColumnsStaysWhole() throws {
        // groff-twocol's title runs over the gutter of the two columns below it, and one of
        // its word spaces falls right in that gutter.
        let document = try TestSupport.convert("groff-twocol")
        #expect(document.title == "Port Security at Kessel Harbour: Access Control, Cargo Screening and Information Sharing")
    }

    @Test("Headers that alternate on even and odd pages are both found")
    func alternatingHeaders() {
        let pages = (1...8).map { n in
            SyntheticPage.page([
                SyntheticPage.line(n % 2 == 0 ? "Hollis and Tanaka" : "The Alliance in 2005", y: 40, size: 8),
                SyntheticPage.line("Unique body line \(n * 13) about something else entirely.", y: 100),
            ], page: n)
        }
        let headers = RunningHeaderDetector(thresholds: thresholds).detect(pages).filter { $0.kind == .runningHeader }
        #expect(headers.count == 8)
    }
}
