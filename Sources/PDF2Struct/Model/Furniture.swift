/// What kind of page furniture a line is.
public enum FurnitureKind: String, Sendable {
    case runningHeader = "running_header"
    case runningFooter = "running_footer"
    case pageNumber = "page_number"
}

/// A line of page furniture, kept out of the body but never thrown away.
public struct FurnitureItem: Equatable, Sendable {
    public var kind: FurnitureKind
    public var text: String
    public var provenance: Provenance

    public init(kind: FurnitureKind, text: String, provenance: Provenance) {
        self.kind = kind
        self.text = text
        self.provenance = provenance
    }
}
