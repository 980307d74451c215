import Testing
import PopplerText
@testable import PDF2Struct

@Suite("Export")
struct ExportTests {
    static let box = [Provenance(part: 1, page: 1, bbox: PageRect(x0: 72.123456, y0: 100, x1: 540, y1: 120))]

    static func document() -> Document {
        Document(
            sources: [],
            title: "The Alliance",
            blocks: [
                Block(id: "b1", type: .title, text: "The Alliance", provenance: box),
                Block(id: "b2", type: .heading, text: "1. Politics", level: 1, provenance: box),
                Block(id: "b3", type: .paragraph, text: "It was signed in 1996. Then *more* followed.",
                      references: [NoteReference(label: "1", offset: 22, noteID: "n1")], provenance: box),
                Block(id: "b4", type: .paragraph, text: "Recommendation 2: Share the costs.", provenance: box),
                Block(id: "b5", type: .listItem, text: "first point", listMarker: .bullet, provenance: box),
            ],
            notes: [Note(id: "n1", label: "1", kind: .endnote, text: "Joint Declaration, 1996.", provenance: box, citedBy: ["b3"])],
            recommendations: [Recommendation(id: "r1", text: "Recommendation 2: Share the costs.", sectionPath: ["1. Politics"],
                                             blockID: "b4", provenance: box[0], rule: "opening")],
            furniture: [], diagnostics: [], needsOCR: false)
    }

    @Test("Markdown has headings by level, GFM footnote references and definitions, quoted recommendations")
    func markdownShape() {
        let markdown = MarkdownExporter().export(Self.document())
        #expect(markdown.contains("# The Alliance\n"))
        #expect(markdown.contains("\n## 1. Politics\n"))
        #expect(markdown.contains("It was signed in 1996.[^1] Then \\*more\\* followed."))
        #expect(markdown.contains("\n[^1]: Joint Declaration, 1996.\n"))
        #expect(markdown.contains("> **Recommendation 2:** Share the costs."))
        #expect(markdown.contains("\n- first point\n"))
    }

    @Test("A paragraph that looks like a list or heading is escaped")
    func lineStartsEscaped() {
        #expect(MarkdownExporter.escapeLineStart("1996. was a year") == "1996\\. was a year")
        #expect(MarkdownExporter.escapeLineStart("# not a heading") == "\\# not a heading")
    }

    @Test("JSON has snake_case keys in a fixed order and two-decimal coordinates")
    func jsonShape() {
        let json = JSONExporter().export(Self.document(), name: "x")
        #expect(json.hasPrefix("{\n  \"schema_version\": \"1.0\",\n  \"generator\""))
        #expect(json.contains("72.12,"))
        #expect(json.contains("\"note_refs\""))
        #expect(json.contains("\"cited_by\": [\n        \"b3\"\n      ]"))
        #expect(json == JSONExporter().export(Self.document(), name: "x"))
    }

    @Test("JSON strings escape quotes, backslashes and control characters")
    func jsonEscaping() {
        #expect(JSONValue.string("a\"b\\c\n\u{01}").serialized() == "\"a\\\"b\\\\c\\n\\u0001\"\n")
    }
}
