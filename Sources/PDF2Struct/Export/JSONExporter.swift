import PopplerText

/// Writes a `Document` as the published JSON (schema `schema/pdf2struct.schema.json`): snake_case
/// keys in a fixed order, coordinates with two decimals, so output is byte-identical run to run.
public struct JSONExporter: Sendable {
    /// Bumped with every change to the JSON shape, together with the published JSON Schema.
    public static let schemaVersion = "1.0"

    public var generatorVersion: String

    public init(generatorVersion: String = PDF2StructVersion.current) {
        self.generatorVersion = generatorVersion
    }

    public func export(_ document: Document, name: String) -> String {
        jsonValue(document, name: name).serialized()
    }

    public func jsonValue(_ document: Document, name: String) -> JSONValue {
        .object([
            ("schema_version", .string(Self.schemaVersion)),
            ("generator", .object([("name", .string("pdf2struct")), ("version", .string(generatorVersion))])),
            ("source", source(document, name: name)),
            ("title", .optional(document.title)),
            ("needs_ocr", .bool(document.needsOCR)),
            ("blocks", .array(document.blocks.map(block))),
            ("notes", .array(document.notes.map(note))),
            ("recommendations", .array(document.recommendations.map(recommendation))),
            ("furniture", .array(document.furniture.map(furniture))),
            ("diagnostics", .array(document.diagnostics.map(diagnostic))),
        ])
    }

    private func source(_ document: Document, name: String) -> JSONValue {
        let parts = document.sources.map(part)
        let single = document.sources.count == 1 ? document.sources.first : nil
        return .object([
            ("file_name", .string(single?.fileName ?? name)),
            ("sha256", .optional(single?.sha256)),
            ("page_count", .int(document.sources.reduce(0) { $0 + $1.info.pageCount })),
            ("metadata", metadata(document.sources.first?.info ?? DocumentInfo(pageCount: 0))),
            ("parts", .array(parts)),
        ])
    }

    private func part(_ source: SourceFile) -> JSONValue {
        .object([
            ("file_name", .string(source.fileName)),
            ("sha256", .string(source.sha256)),
            ("page_count", .int(source.info.pageCount)),
            ("metadata", metadata(source.info)),
            ("outline", .array(source.outline.map(outlineItem))),
        ])
    }

    private func metadata(_ info: DocumentInfo) -> JSONValue {
        .object([
            ("title", .optional(info.title)), ("author", .optional(info.author)), ("subject", .optional(info.subject)),
            ("keywords", .optional(info.keywords)), ("producer", .optional(info.producer)),
            ("creator", .optional(info.creator)), ("creation_date", .optional(info.creationDate)),
            ("modification_date", .optional(info.modificationDate)),
        ])
    }

    private func outlineItem(_ item: OutlineItem) -> JSONValue {
        .object([("title", .string(item.title)), ("page", .int(item.page)), ("children", .array(item.children.map(outlineItem)))])
    }

    private func bbox(_ rect: PageRect) -> JSONValue {
        .array([rect.x0, rect.y0, rect.x1, rect.y1].map { .number($0, decimals: 2) })
    }

    private func provenance(_ p: Provenance) -> JSONValue {
        .object([("part", .int(p.part)), ("page", .int(p.page)), ("bbox", bbox(p.bbox))])
    }

    private func block(_ block: Block) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("id", .string(block.id)),
            ("type", .string(block.type.rawValue)),
            ("layer", .string(Layer.body.rawValue)),
            ("text", .string(block.text)),
            ("level", block.level.map(JSONValue.int) ?? .null),
        ]
        switch block.listMarker {
        case .bullet: members.append(("list_marker", .string("bullet")))
        case .ordered(let label): members.append(("list_marker", .string(label)))
        case nil: members.append(("list_marker", .null))
        }
        let first = block.provenance[0]
        members += [
            ("part", .int(first.part)),
            ("page", .int(first.page)),
            ("bbox", bbox(first.bbox)),
            ("provenance", .array(block.provenance.map(provenance))),
            ("notes", .array(uniqueNoteIDs(block).map(JSONValue.string))),
            ("note_refs", .array(block.references.map { r in
                .object([("label", .string(r.label)), ("offset", .int(r.offset)), ("note_id", .optional(r.noteID))])
            })),
        ]
        return .object(members)
    }

    private func uniqueNoteIDs(_ block: Block) -> [String] {
        var seen = Set<String>()
        return block.references.compactMap(\.noteID).filter { seen.insert($0).inserted }
    }

    private func note(_ note: Note) -> JSONValue {
        let first = note.provenance.first ?? Provenance(part: 1, page: 1, bbox: PageRect(x0: 0, y0: 0, x1: 0, y1: 0))
        return .object([
            ("id", .string(note.id)),
            ("label", .string(note.label)),
            ("kind", .string(note.kind.rawValue)),
            ("layer", .string(Layer.notes.rawValue)),
            ("text", .string(note.text)),
            ("part", .int(first.part)),
            ("page", .int(first.page)),
            ("bbox", bbox(first.bbox)),
            ("provenance", .array(note.provenance.map(provenance))),
            ("cited_by", .array(note.citedBy.map(JSONValue.string))),
        ])
    }

    private func recommendation(_ r: Recommendation) -> JSONValue {
        .object([
            ("id", .string(r.id)),
            ("text", .string(r.text)),
            ("section_path", .array(r.sectionPath.map(JSONValue.string))),
            ("part", .int(r.provenance.part)),
            ("page", .int(r.provenance.page)),
            ("block_id", .string(r.blockID)),
            ("rule", .string(r.rule)),
        ])
    }

    private func furniture(_ f: FurnitureItem) -> JSONValue {
        .object([
            ("kind", .string(f.kind.rawValue)),
            ("layer", .string(Layer.furniture.rawValue)),
            ("text", .string(f.text)),
            ("part", .int(f.provenance.part)),
            ("page", .int(f.provenance.page)),
            ("bbox", bbox(f.provenance.bbox)),
        ])
    }

    private func diagnostic(_ d: Diagnostic) -> JSONValue {
        .object([
            ("code", .string(d.code)),
            ("message", .string(d.message)),
            ("part", d.part.map(JSONValue.int) ?? .null),
            ("page", d.page.map(JSONValue.int) ?? .null),
        ])
    }
}

/// The version of pdf2struct, recorded in every output.
public enum PDF2StructVersion {
    public static let current = "0.1.0"
}
