import Testing
@testable import PDF2Struct

/// Tables of contents set without dot leaders: titles in columns, page numbers in a column of
/// their own, as government reports lay them out.
@Suite("Contents without leaders")
struct ContentsColumnsTests {
    /// A contents listing on page 1 (under `heading`, when given) and a page of body text.
    private static func document(heading: String?) throws -> Document {
        var lines = [SyntheticPage.line("Infant Formula Marketing", y: 40, size: 22, bold: true)]
        if let heading { lines.append(SyntheticPage.line(heading, y: 90, size: 16, bold: true)) }
        let entries: [(label: String, title: String?, page: String)] = [
            ("Letter", nil, "1"), ("Appendix I", "Briefing Slides", "6"), ("Appendix II", "Advertising Data", "36"),
            ("Appendix III", "Literature Review", "37"),
        ]
        for (index, entry) in entries.enumerated() {
            let y = 130 + Double(index) * 26
            lines.append(SyntheticPage.line(entry.label, y: y, bold: true))
            if let title = entry.title { lines.append(SyntheticPage.line(title, x: 180, y: y, bold: true)) }
            lines.append(SyntheticPage.line(entry.page, x: 530, y: y))
        }
        lines.append(SyntheticPage.line("Abbreviations", x: 180, y: 300, size: 16, bold: true))
        lines.append(SyntheticPage.line("WIC Special Supplemental Nutrition Program for Women, Infants, and Children", x: 180, y: 330))
        let body = (0..<12).map { i in
            SyntheticPage.line("The program provides food and formula to improve the health of women and infants.", y: 100 + Double(i) * 14)
        }
        return try DocumentBuilder(configuration: Configuration())
            .build(pages: [SyntheticPage.page(lines, page: 1), SyntheticPage.page(body, page: 2)], sources: [])
    }

    @Test("Under a Contents heading, titles level with a column of page numbers are contents entries, not headings")
    func titlesLevelWithPageNumbersAreContentsEntries() throws {
        let document = try Self.document(heading: "Contents")
        let onPage1 = document.blocks.filter { $0.provenance[0].page == 1 }
        #expect(onPage1.filter { $0.type == .heading }.map(\.text) == ["Contents", "Abbreviations"])
        let entries = onPage1.filter { $0.type == .contentsEntry }.map(\.text)
        for text in ["Letter", "Appendix I", "Briefing Slides", "Literature Review", "1", "37"] {
            #expect(entries.contains(text), "\(text)")
        }
    }

    @Test("Without a Contents heading, text beside a column of numbers is left as it reads")
    func numbersBesideTextElsewhereAreNotContents() throws {
        let document = try Self.document(heading: nil)
        #expect(!document.blocks.contains { $0.type == .contentsEntry })
    }
}
