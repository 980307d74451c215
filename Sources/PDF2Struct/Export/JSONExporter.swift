import PopplerText

/// Writes a `Document` as the published JSON (schema `schema/pdf2struct.schema.json`): snake_case
/// keys in a fixed order, coordinates with two decimals, so output is byte-identical run to run.
/// The document is written member by member into one buffer, with no intermediate value tree.
public struct JSONExporter: Sendable {
    /// Bumped with every change to the JSON shape, together with the published JSON Schema.
    public static let schemaVersion = "1.0"

    public var generatorVersion: String

    public init(generatorVersion: String = PDF2StructVersion.current) {
        self.generatorVersion = generatorVersion
    }

    public func export(_ document: Document, name: String) -> String {
        String(decoding: exportUTF8(document, name: name), as: UTF8.self)
    }

    /// The UTF-8 bytes of `export(_:name:)`, for writing to a file without a `String` in between.
    public func exportUTF8(_ document: Document, name: String) -> [UInt8] {
        var json = JSONWriter(capacity: Self.expectedSize(of: document))
        json.object { json in
            json.member("schema_version", Self.schemaVersion)
            json.key("generator")
            json.object { json in
                json.member("name", "pdf2struct")
                json.member("version", generatorVersion)
            }
            json.key("source")
            source(document, name: name, to: &json)
            json.member("title", document.title)
            json.member("needs_ocr", document.needsOCR)
            json.key("blocks")
            json.array(document.blocks, block)
            json.key("notes")
            json.array(document.notes, note)
            json.key("recommendations")
            json.array(document.recommendations, recommendation)
            json.key("furniture")
            json.array(document.furniture, furniture)
            json.key("diagnostics")
            json.array(document.diagnostics, diagnostic)
        }
        return json.finish()
    }

    /// Room reserved up front, a little more than the output usually takes (its texts plus
    /// about 500 bytes of fields per item, measured on the fixtures and corpus), so the buffer
    /// is seldom copied into a larger one; beyond it the buffer grows by doubling. Room never
    /// written costs no resident memory.
    static func expectedSize(of document: Document) -> Int {
        let texts = document.blocks.reduce(0) { $0 + $1.text.utf8.count } + document.notes.reduce(0) { $0 + $1.text.utf8.count }
            + document.recommendations.reduce(0) { $0 + $1.text.utf8.count } + document.furniture.reduce(0) { $0 + $1.text.utf8.count }
        let items = document.blocks.count + document.notes.count + document.recommendations.count + document.furniture.count
            + document.diagnostics.count + document.sources.reduce(0) { $0 + $1.outline.count }
        return (1 << 16) + texts + texts / 8 + 640 * items
    }

    private func source(_ document: Document, name: String, to json: inout JSONWriter) {
        let single = document.sources.count == 1 ? document.sources.first : nil
        json.object { json in
            json.member("file_name", single?.fileName ?? name)
            json.member("sha256", single?.sha256)
            json.member("page_count", document.sources.reduce(0) { $0 + $1.info.pageCount })
            json.key("metadata")
            metadata(document.sources.first?.info ?? DocumentInfo(pageCount: 0), to: &json)
            json.key("parts")
            json.array(document.sources, part)
        }
    }

    private func part(_ json: inout JSONWriter, _ source: SourceFile) {
        json.object { json in
            json.member("file_name", source.fileName)
            json.member("sha256", source.sha256)
            json.member("page_count", source.info.pageCount)
            json.key("metadata")
            metadata(source.info, to: &json)
            json.key("outline")
            json.array(source.outline, outlineItem)
        }
    }

    private func metadata(_ info: DocumentInfo, to json: inout JSONWriter) {
        json.object { json in
            json.member("title", info.title)
            json.member("author", info.author)
            json.member("subject", info.subject)
            json.member("keywords", info.keywords)
            json.member("producer", info.producer)
            json.member("creator", info.creator)
            json.member("creation_date", info.creationDate)
            json.member("modification_date", info.modificationDate)
        }
    }

    private func outlineItem(_ json: inout JSONWriter, _ item: OutlineItem) {
        json.object { json in
            json.member("title", item.title)
            json.member("page", item.page)
            json.key("children")
            json.array(item.children, outlineItem)
        }
    }

    private func bbox(_ rect: PageRect, to json: inout JSONWriter) {
        json.array { json in
            json.number(rect.x0, decimals: Self.coordinateDecimals)
            json.number(rect.y0, decimals: Self.coordinateDecimals)
            json.number(rect.x1, decimals: Self.coordinateDecimals)
            json.number(rect.y1, decimals: Self.coordinateDecimals)
        }
    }

    /// Coordinates are printed in hundredths of a point.
    private static let coordinateDecimals = 2

    private func provenance(_ json: inout JSONWriter, _ p: Provenance) {
        json.object { json in
            json.member("part", p.part)
            json.member("page", p.page)
            json.key("bbox")
            bbox(p.bbox, to: &json)
        }
    }

    private func block(_ json: inout JSONWriter, _ block: Block) {
        json.object { json in
            json.member("id", block.id)
            json.member("type", block.type.rawValue)
            json.member("layer", Layer.body.rawValue)
            json.member("text", block.text)
            json.member("level", block.level)
            json.key("list_marker")
            switch block.listMarker {
            case .bullet: json.string("bullet")
            case .ordered(let label): json.string(label)
            case nil: json.null()
            }
            location(block.provenance, to: &json)
            json.key("notes")
            json.array(uniqueNoteIDs(block)) { $0.string($1) }
            json.key("note_refs")
            json.array(block.references) { json, reference in
                json.object { json in
                    json.member("label", reference.label)
                    json.member("offset", reference.offset)
                    json.member("note_id", reference.noteID)
                }
            }
        }
    }

    /// `part`, `page` and `bbox` of the first piece, then every piece as `provenance`.
    private func location(_ pieces: [Provenance], to json: inout JSONWriter) {
        let first = pieces.first ?? Provenance(part: 1, page: 1, bbox: PageRect(x0: 0, y0: 0, x1: 0, y1: 0))
        json.member("part", first.part)
        json.member("page", first.page)
        json.key("bbox")
        bbox(first.bbox, to: &json)
        json.key("provenance")
        json.array(pieces, provenance)
    }

    private func uniqueNoteIDs(_ block: Block) -> [String] {
        var seen = Set<String>()
        return block.references.compactMap(\.noteID).filter { seen.insert($0).inserted }
    }

    private func note(_ json: inout JSONWriter, _ note: Note) {
        json.object { json in
            json.member("id", note.id)
            json.member("label", note.label)
            json.member("kind", note.kind.rawValue)
            json.member("layer", Layer.notes.rawValue)
            json.member("text", note.text)
            location(note.provenance, to: &json)
            json.key("cited_by")
            json.array(note.citedBy) { $0.string($1) }
        }
    }

    private func recommendation(_ json: inout JSONWriter, _ r: Recommendation) {
        json.object { json in
            json.member("id", r.id)
            json.member("text", r.text)
            json.key("section_path")
            json.array(r.sectionPath) { $0.string($1) }
            json.member("part", r.provenance.part)
            json.member("page", r.provenance.page)
            json.member("block_id", r.blockID)
            json.member("rule", r.rule)
        }
    }

    private func furniture(_ json: inout JSONWriter, _ f: FurnitureItem) {
        json.object { json in
            json.member("kind", f.kind.rawValue)
            json.member("layer", Layer.furniture.rawValue)
            json.member("text", f.text)
            json.member("part", f.provenance.part)
            json.member("page", f.provenance.page)
            json.key("bbox")
            bbox(f.provenance.bbox, to: &json)
        }
    }

    private func diagnostic(_ json: inout JSONWriter, _ d: Diagnostic) {
        json.object { json in
            json.member("code", d.code)
            json.member("message", d.message)
            json.member("part", d.part)
            json.member("page", d.page)
        }
    }
}

/// The version of pdf2struct, recorded in every output.
public enum PDF2StructVersion {
    public static let current = "0.1.0"
}
