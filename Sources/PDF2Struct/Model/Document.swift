import PopplerText

/// The input PDF a document came from: one entry per part of a multi-part document.
public struct SourceFile: Equatable, Sendable {
    public var fileName: String
    public var sha256: String
    public var info: DocumentInfo
    public var outline: [OutlineItem]

    public init(fileName: String, sha256: String, info: DocumentInfo, outline: [OutlineItem]) {
        self.fileName = fileName
        self.sha256 = sha256
        self.info = info
        self.outline = outline
    }
}

/// A converted document: body blocks in reading order, notes linked to the blocks citing them,
/// recommendations, furniture and diagnostics. Ids are unique within the document.
public struct Document: Equatable, Sendable {
    public var sources: [SourceFile]
    public var title: String?
    public var blocks: [Block]
    public var notes: [Note]
    public var recommendations: [Recommendation]
    public var furniture: [FurnitureItem]
    public var diagnostics: [Diagnostic]
    /// True when no page had a text layer (a scan): the output is empty and needs OCR.
    public var needsOCR: Bool

    public init(sources: [SourceFile], title: String?, blocks: [Block], notes: [Note], recommendations: [Recommendation],
                furniture: [FurnitureItem], diagnostics: [Diagnostic], needsOCR: Bool) {
        self.sources = sources
        self.title = title
        self.blocks = blocks
        self.notes = notes
        self.recommendations = recommendations
        self.furniture = furniture
        self.diagnostics = diagnostics
        self.needsOCR = needsOCR
    }
}
