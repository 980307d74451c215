import Foundation
import PopplerText

/// The stage chain from PDF bytes to a `Document`: extraction → lines → (furniture, blocks,
/// structure). Each part of a multi-part document is extracted on its own, then all pages are
/// structured together so sections, paragraphs and notes run on across parts.
public struct Pipeline: Sendable {
    public var configuration: Configuration

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// One input file: its name as shown in the output and its bytes.
    public struct Input: Sendable {
        public var fileName: String
        public var data: Data
        public var password: String?

        public init(fileName: String, data: Data, password: String? = nil) {
            self.fileName = fileName
            self.data = data
            self.password = password
        }

        /// Reads the file at `path`.
        public init(path: String, password: String? = nil) throws(PDFError) {
            self.init(fileName: URL(fileURLWithPath: path).lastPathComponent,
                      data: try PopplerDocument.readFile(path), password: password)
        }
    }

    /// Converts one PDF, or several parts of one document in order.
    public func convert(_ parts: [Input]) throws -> Document {
        var pages: [PageLines] = []
        var sources: [SourceFile] = []
        let extractor = RunExtractor(thresholds: configuration.thresholds)
        let lineBuilder = LineBuilder(thresholds: configuration.thresholds)
        let readingOrder = ReadingOrder(thresholds: configuration.thresholds)
        for (index, input) in parts.enumerated() {
            let document = try PopplerDocument(data: input.data, password: input.password)
            sources.append(SourceFile(fileName: input.fileName, sha256: SHA256.hex(of: input.data),
                                      info: document.info, outline: document.outline()))
            for pageIndex in 0..<document.pageCount {
                let text = extractor.extract(try document.page(pageIndex), part: index + 1)
                pages.append(PageLines(part: index + 1, page: text.page, width: text.width, height: text.height,
                                       lines: readingOrder.order(lineBuilder.build(text)), unmappedCharacters: text.unmappedCharacters))
            }
        }
        return try DocumentBuilder(configuration: configuration).build(pages: pages, sources: sources)
    }
}
