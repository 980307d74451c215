import Foundation

/// What the inspect page shows about a block, note, recommendation or furniture line when it is
/// selected, keyed by element id. Encoded as JSON into the page for its script; values are
/// plain text (the script inserts them as text, never as HTML).
struct ElementDetails: Codable, Equatable {
    /// A marker in a block: its label and the note it was linked to, if any.
    struct Reference: Codable, Equatable {
        var label: String
        var note: String?
    }

    /// `heading level 2`, `footnote 3`, `recommendation (opening rule)`, `running footer`…
    var what: String
    /// Each printed piece: `p.3 [72.0, 90.5, 523.3, 118.2]` (points, top-left origin).
    var pieces: [String]
    var text: String
    /// `11.0 pt bold` for blocks.
    var style: String?
    var references: [Reference]?
    var citedBy: [String]?
    /// The block a recommendation was found in.
    var block: String?
    /// The recommendations found in a block.
    var recommendations: [String]?

    /// Characters of text kept.
    static let textLength = 400

    /// Details of every element of `document`, keyed by id (furniture as `f1`, `f2`…).
    static func all(_ document: Document) -> [String: ElementDetails] {
        var details: [String: ElementDetails] = [:]
        let recommendationsByBlock = Dictionary(grouping: document.recommendations, by: \.blockID)
        for block in document.blocks {
            details[block.id] = ElementDetails(
                what: OverlayPlanner.typeName(block), pieces: block.provenance.map(describe), text: excerpt(block.text),
                style: String(format: "%.1f pt", block.fontSize) + (block.isBold ? " bold" : ""),
                references: block.references.isEmpty ? nil : block.references.map { Reference(label: $0.label, note: $0.noteID) },
                recommendations: recommendationsByBlock[block.id].map { $0.map(\.id) })
        }
        for note in document.notes {
            details[note.id] = ElementDetails(what: "\(note.kind.rawValue) \(note.label)", pieces: note.provenance.map(describe),
                                              text: excerpt(note.text), citedBy: note.citedBy)
        }
        for recommendation in document.recommendations {
            details[recommendation.id] = ElementDetails(
                what: "recommendation (\(recommendation.rule) rule)", pieces: [describe(recommendation.provenance)],
                text: excerpt(recommendation.text), block: recommendation.blockID)
        }
        for (index, item) in document.furniture.enumerated() {
            details["f\(index + 1)"] = ElementDetails(what: item.kind.rawValue.replacingOccurrences(of: "_", with: " "),
                                                      pieces: [describe(item.provenance)], text: excerpt(item.text))
        }
        return details
    }

    private static func describe(_ provenance: Provenance) -> String {
        let box = provenance.bbox
        let part = provenance.part > 1 ? "part \(provenance.part) " : ""
        return part + "p.\(provenance.page) " + String(format: "[%.1f, %.1f, %.1f, %.1f]", box.x0, box.y0, box.x1, box.y1)
    }

    private static func excerpt(_ text: String) -> String {
        text.count <= textLength ? text : String(text.prefix(textLength - 1)) + "…"
    }
}
