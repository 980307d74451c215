/// The document information a PDF declares about itself; every field is optional because
/// producers fill in as little as they like. Dates are ISO 8601 strings in UTC.
public struct DocumentInfo: Equatable, Sendable {
    public var title: String?
    public var author: String?
    public var subject: String?
    public var keywords: String?
    public var producer: String?
    public var creator: String?
    public var creationDate: String?
    public var modificationDate: String?
    public var pageCount: Int

    public init(title: String? = nil, author: String? = nil, subject: String? = nil, keywords: String? = nil,
                producer: String? = nil, creator: String? = nil, creationDate: String? = nil,
                modificationDate: String? = nil, pageCount: Int) {
        self.title = title
        self.author = author
        self.subject = subject
        self.keywords = keywords
        self.producer = producer
        self.creator = creator
        self.creationDate = creationDate
        self.modificationDate = modificationDate
        self.pageCount = pageCount
    }
}

/// One bookmark of the PDF outline, with its nested children in document order.
/// `page` is 1-based, 0 when the bookmark points nowhere resolvable.
public struct OutlineItem: Equatable, Sendable {
    public var title: String
    public var page: Int
    public var children: [OutlineItem]

    public init(title: String, page: Int, children: [OutlineItem] = []) {
        self.title = title
        self.page = page
        self.children = children
    }
}
