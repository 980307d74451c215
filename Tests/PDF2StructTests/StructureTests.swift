import Foundation
import Testing
import PopplerText
@testable import PDF2Struct

@Suite("Structure")
struct StructureTests {
    let thresholds = Thresholds()

    @Test("Numbering families give heading levels")
    func numberingLevels() {
        #expect(HeadingNumbering.level(of: "1. Politics") == 1)
        #expect(HeadingNumbering.level(of: "3.2 Basing") == 2)
        #expect(HeadingNumbering.level(of: "3.2.1 Okinawa") == 3)
        #expect(HeadingNumbering.level(of: "Part II The Way Ahead") == 1)
        #expect(HeadingNumbering.level(of: "IV. Economics") == 1)
        #expect(HeadingNumbering.level(of: "B. Trade") == 2)
        #expect(HeadingNumbering.level(of: "(c) Costs") == 3)
        #expect(HeadingNumbering.level(of: "Foreword") == nil)
        #expect(HeadingNumbering.level(of: "2005 was a year of change") == nil)
    }

    @Test("Outline depth outranks numbering, numbering outranks style")
    func levelPrecedence() {
        let big = HeadingStyle(size: 14, isBold: true, isItalic: false, isAllCaps: false)
        let small = HeadingStyle(size: 12, isBold: true, isItalic: false, isAllCaps: false)
        let candidates = [
            HeadingLevelResolver.Candidate(text: "Foreword", style: big, part: 1, page: 2),
            HeadingLevelResolver.Candidate(text: "1. Politics", style: big, part: 1, page: 3),
            HeadingLevelResolver.Candidate(text: "1.1 Leaders", style: small, part: 1, page: 3),
            HeadingLevelResolver.Candidate(text: "Context", style: small, part: 1, page: 4),
            HeadingLevelResolver.Candidate(text: "Annex", style: HeadingStyle(size: 13, isBold: false, isItalic: false, isAllCaps: false), part: 1, page: 9),
        ]
        let outline = [[OutlineItem(title: "Annex", page: 9)]]
        let levels = HeadingLevelResolver(thresholds: thresholds).resolve(candidates, outlines: outline, title: nil)
        #expect(levels == [1, 1, 2, 2, 1])
    }

    @Test("A style with no other evidence sits one level below the more prominent style")
    func styleOnlyLevels() {
        let candidates = [
            HeadingLevelResolver.Candidate(text: "Background", style: HeadingStyle(size: 11, isBold: true, isItalic: false, isAllCaps: false), part: 1, page: 1),
            HeadingLevelResolver.Candidate(text: "Costs", style: HeadingStyle(size: 11, isBold: true, isItalic: true, isAllCaps: false), part: 1, page: 1),
        ]
        #expect(HeadingLevelResolver(thresholds: thresholds).resolve(candidates, outlines: [], title: nil) == [1, 2])
    }

    @Test("A bold body-size line is a heading; a bold lead-in paragraph is not")
    func boldHeadingsVersusLeadIns() {
        let classifier = HeadingClassifier(thresholds: thresholds)
        let heading = TextBlock(lines: [SyntheticPage.line("Funding the Network", y: 100, bold: true)], part: 1, page: 1)
        #expect(classifier.isHeading(heading, bodySize: 11))
        var leadIn = SyntheticPage.runs("Costs rose.", y: 100, bold: true)
        leadIn += SyntheticPage.runs("The county paid more than planned for every mile.", x: 150, y: 100).map { run in
            var r = run; r.spaceBefore = true; return r
        }
        let paragraph = TextBlock(lines: [LineBuilder(thresholds: thresholds).makeLine(leadIn)], part: 1, page: 1)
        #expect(!classifier.isHeading(paragraph, bodySize: 11))
    }

    @Test("Footnotes at the page bottom are split from the body and linked to their markers")
    func footnotesLinked() throws {
        var runs = SyntheticPage.runs("The treaty that governs the alliance was revised and extended in 1996.", y: 100)
        runs.append(SyntheticPage.marker("1", after: runs))
        let bodyLine = LineBuilder(thresholds: thresholds).makeLine(runs)
        var noteRuns = [SyntheticPage.marker("1", after: [SyntheticPage.runs("x", x: 60, y: 702)[0]], size: 9)]
        noteRuns += SyntheticPage.runs("Joint Declaration on Security, April 1996.", x: 80, y: 700, size: 9)
        let noteLine = LineBuilder(thresholds: thresholds).makeLine(noteRuns)
        let page = PageLines(part: 1, page: 1, width: 612, height: 792, lines: [bodyLine, noteLine])
        let document = try DocumentBuilder(configuration: Configuration()).build(pages: [page], sources: [])
        try #require(document.notes.count == 1)
        #expect(document.notes[0].kind == .footnote)
        #expect(document.notes[0].text == "Joint Declaration on Security, April 1996.")
        try #require(document.blocks.count == 1)
        #expect(document.blocks[0].text == "The treaty that governs the alliance was revised and extended in 1996.")
        #expect(document.blocks[0].references.first?.noteID == document.notes[0].id)
        #expect(document.notes[0].citedBy == [document.blocks[0].id])
        #expect(document.diagnostics.isEmpty)
    }

    @Test("A marker with no note is kept and reported in diagnostics")
    func markerWithoutNoteIsReported() throws {
        var runs = SyntheticPage.runs("A claim that needs a source.", y: 100)
        runs.append(SyntheticPage.marker("7", after: runs))
        let page = PageLines(part: 1, page: 1, width: 612, height: 792, lines: [LineBuilder(thresholds: thresholds).makeLine(runs)])
        let document = try DocumentBuilder(configuration: Configuration()).build(pages: [page], sources: [])
        try #require(document.blocks.count == 1)
        #expect(document.blocks[0].references.map(\.label) == ["7"])
        #expect(document.diagnostics.map(\.code) == ["marker_without_note"])
    }

    @Test("Sentences saying a report recommended something are recommendations; others are not")
    func sentenceRecommendations() throws {
        let finder = try RecommendationFinder(rules: RecommendationRules())
        let block = Block(id: "b1", type: .paragraph,
                          text: "Costs rose in 2019. The 2019 audit recommended that the county publish outage data. Nobody objected.",
                          provenance: [Provenance(part: 1, page: 1, bbox: PageRect(x0: 0, y0: 0, x1: 1, y1: 1))])
        let found = finder.find(in: [block], boldLeadIn: [false])
        #expect(found.map(\.text) == ["The 2019 audit recommended that the county publish outage data."])
        #expect(found.map(\.rule) == ["sentence"])
    }

    @Test("List items under a recommendations heading are recommendations with their section path")
    func sectionRecommendations() throws {
        let box = [Provenance(part: 1, page: 2, bbox: PageRect(x0: 0, y0: 0, x1: 1, y1: 1))]
        let blocks = [
            Block(id: "b1", type: .heading, text: "5. Recommendations", level: 1, provenance: box),
            Block(id: "b2", type: .listItem, text: "Fund the second reservoir.", listMarker: .ordered("1."), provenance: box),
            Block(id: "b3", type: .heading, text: "6. Conclusion", level: 1, provenance: box),
            Block(id: "b4", type: .listItem, text: "Not a recommendation.", listMarker: .bullet, provenance: box),
        ]
        let found = try RecommendationFinder(rules: RecommendationRules()).find(in: blocks, boldLeadIn: [false, false, false, false])
        #expect(found.map(\.text) == ["Fund the second reservoir."])
        #expect(found.map(\.sectionPath) == [["5. Recommendations"]])
    }

    @Test("Recommendations matched on several threads are the ones found on one, in document order")
    func recommendationsOnThreads() throws {
        let box = [Provenance(part: 1, page: 3, bbox: PageRect(x0: 0, y0: 0, x1: 1, y1: 1))]
        let blocks = [
            Block(id: "b1", type: .paragraph, text: "We recommend that the agency fund the levee.", provenance: box),
            Block(id: "b2", type: .heading, text: "Recommendations", level: 1, provenance: box),
            Block(id: "b3", type: .listItem, text: "Publish outage data.", listMarker: .bullet, provenance: box),
            Block(id: "b4", type: .paragraph, text: "Train staff. The board urged that drills be held. They were.", provenance: box),
            Block(id: "b5", type: .paragraph, text: "Hire inspectors now, then report on them.", provenance: box),
            Block(id: "b6", type: .heading, text: "Background", level: 1, provenance: box),
            Block(id: "b7", type: .listItem, text: "A plain item.", listMarker: .bullet, provenance: box),
        ]
        let boldLeadIn = [false, false, false, false, true, false, false]
        let finder = try RecommendationFinder(rules: RecommendationRules())
        let expected = ["b1 opening", "b3 section", "b4 sentence", "b5 section"]
        for threads in [1, 3] {
            let found = finder.find(in: blocks, boldLeadIn: boldLeadIn, threads: threads)
            #expect(found.map { "\($0.blockID) \($0.rule)" } == expected, "threads: \(threads)")
            #expect(found.map(\.id) == ["r1", "r2", "r3", "r4"])
        }
    }

    @Test("User rules from a configuration add recommendation patterns without code changes")
    func configurableRules() throws {
        var rules = RecommendationRules()
        rules.openings.append("^action item:")
        let block = Block(id: "b1", type: .paragraph, text: "Action item: replace the pumps.",
                          provenance: [Provenance(part: 1, page: 1, bbox: PageRect(x0: 0, y0: 0, x1: 1, y1: 1))])
        #expect(try RecommendationFinder(rules: rules).find(in: [block], boldLeadIn: [false]).count == 1)
        #expect(try RecommendationFinder(rules: RecommendationRules()).find(in: [block], boldLeadIn: [false]).isEmpty)
    }
}

@Suite("Configuration")
struct ConfigurationTests {
    @Test("A configuration file overrides only the keys it names, in snake_case")
    func partialOverride() throws {
        let url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("pdf2struct-config-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try #"{"version": 1, "thresholds": {"heading_max_words": 12}, "recommendations": {"openings": ["^action item:"]}}"#
            .write(to: url, atomically: true, encoding: .utf8)
        let configuration = try Configuration.load(from: url)
        #expect(configuration.thresholds.headingMaxWords == 12)
        #expect(configuration.thresholds.footnoteMaxSizeRatio == Thresholds().footnoteMaxSizeRatio)
        #expect(configuration.recommendations.openings == ["^action item:"])
        #expect(configuration.recommendations.sentences == RecommendationRules().sentences)
    }

    @Test("A configuration of another version is refused")
    func otherVersionRefused() throws {
        let url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("pdf2struct-config-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try #"{"version": 9}"#.write(to: url, atomically: true, encoding: .utf8)
        #expect(throws: ConfigurationError.self) { try Configuration.load(from: url) }
    }

    @Test("The dumped configuration reads back as the defaults")
    func dumpRoundTrips() throws {
        let url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("pdf2struct-config-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try Configuration().jsonText().write(to: url, atomically: true, encoding: .utf8)
        #expect(try Configuration.load(from: url) == Configuration())
        #expect(Configuration().jsonText().contains("\"heading_max_words\""))
    }

    @Test("A pipeline uses the recommendation rules its configuration holds when it converts")
    func pipelineFollowsChangedRules() throws {
        let input = try Pipeline.Input(path: TestSupport.fixture("latex-brief"))
        var pipeline = Pipeline()
        #expect(try !pipeline.convert([input]).recommendations.isEmpty)
        // The rules compiled when the pipeline was made are not used once the rules change.
        var none = RecommendationRules()
        none.sectionHeadings = []
        none.openings = []
        none.sentences = []
        pipeline.configuration.recommendations = none
        #expect(try pipeline.convert([input]).recommendations.isEmpty)
    }

    @Test("A recommendation rule that is not a regular expression fails the conversion")
    func brokenRuleFailsConversion() throws {
        let input = try Pipeline.Input(path: TestSupport.fixture("latex-brief"))
        var configuration = Configuration()
        configuration.recommendations.openings.append("^(unclosed")
        #expect(throws: (any Error).self) { try Pipeline(configuration: configuration).convert([input]) }
    }
}

@Suite("Bracketed markers")
struct BracketedMarkerTests {
    static let box = [Provenance(part: 1, page: 1, bbox: PageRect(x0: 0, y0: 0, x1: 1, y1: 1))]

    @Test("Bracketed numbers naming notes become references when no raised marker exists")
    func bracketsBecomeReferences() {
        var blocks = [Block(id: "b1", type: .paragraph, text: "The treaty was revised in 1996.[4] Talks followed.", provenance: Self.box)]
        let notes = [Note(id: "n1", label: "4", kind: .endnote, text: "Joint Declaration.", provenance: Self.box)]
        BracketedMarkers.apply(to: &blocks, notes: notes)
        #expect(blocks[0].text == "The treaty was revised in 1996. Talks followed.")
        #expect(blocks[0].references == [NoteReference(label: "4", offset: 31)])
    }

    @Test("Bracketed citations stay in the text when the document has raised markers")
    func bracketsStayBesideRaisedMarkers() {
        var blocks = [
            Block(id: "b1", type: .paragraph, text: "As shown in [4].", provenance: Self.box),
            Block(id: "b2", type: .paragraph, text: "Elsewhere.", references: [NoteReference(label: "1", offset: 10)], provenance: Self.box),
        ]
        let notes = [Note(id: "n1", label: "4", kind: .endnote, text: "A note.", provenance: Self.box)]
        BracketedMarkers.apply(to: &blocks, notes: notes)
        #expect(blocks[0].text == "As shown in [4].")
    }
}
