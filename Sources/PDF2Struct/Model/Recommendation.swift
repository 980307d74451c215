/// A recommendation found in the text: a whole paragraph or list item, or one sentence of
/// running prose. `sectionPath` lists the headings above it, outermost first.
public struct Recommendation: Equatable, Sendable {
    public var id: String
    public var text: String
    public var sectionPath: [String]
    public var blockID: String
    public var provenance: Provenance
    /// Which rule found it: `section`, `opening` or `sentence`.
    public var rule: String

    public init(id: String, text: String, sectionPath: [String], blockID: String, provenance: Provenance, rule: String) {
        self.id = id
        self.text = text
        self.sectionPath = sectionPath
        self.blockID = blockID
        self.provenance = provenance
        self.rule = rule
    }
}
