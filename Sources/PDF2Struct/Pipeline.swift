import Foundation
import PopplerText
import Synchronization

/// The stage chain from PDF bytes to a `Document`: extraction → lines → (furniture, blocks,
/// structure). Each part of a multi-part document is extracted on its own, then all pages are
/// structured together so sections, paragraphs and notes run on across parts.
public struct Pipeline: Sendable {
    public var configuration: Configuration
    /// The recommendation rules of `configuration` compiled once, when the pipeline is made: a
    /// worker converts many documents with one pipeline, and compiling the rules' regular
    /// expressions for each was about 1% of converting a folder of short reports. Nil when a
    /// rule does not compile: then each conversion compiles them and fails, as before.
    private let recommendationFinder: RecommendationFinder?

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        recommendationFinder = try? RecommendationFinder(rules: configuration.recommendations)
    }

    /// One input file: its name as shown in the output and its bytes.
    public struct Input: Sendable {
        public var fileName: String
        public var data: Data
        public var password: String?
        /// The SHA-256 of `data` in hex, worked out on first use and kept, so a caller that
        /// needs it too (an up-to-date check) and the conversion hash the bytes once.
        public var sha256: String {
            mutating get {
                if let known = knownSHA256 { return known }
                let hex = SHA256.hex(of: data)
                knownSHA256 = hex
                return hex
            }
        }
        private var knownSHA256: String?

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

    /// Converts one PDF, or several parts of one document in order. With `threads` above 1 the
    /// pages of a part are extracted concurrently (each thread with a poppler document of its
    /// own: poppler documents are not thread-safe), then structured together as always, so the
    /// result is the same whatever `threads` is.
    public func convert(_ parts: [Input], threads: Int = 1) throws -> Document {
        var pages: [PageLines] = []
        var sources: [SourceFile] = []
        for (index, part) in parts.enumerated() {
            var input = part
            let document = try PopplerDocument(data: input.data, password: input.password)
            sources.append(SourceFile(fileName: input.fileName, sha256: input.sha256,
                                      info: document.info, outline: document.outline()))
            let workers = min(threads, document.pageCount / Self.minimumPagesPerThread)
            if workers > 1 {
                pages += try extractConcurrently(input, opened: document, part: index + 1, pageCount: document.pageCount, threads: workers)
            } else {
                var styles = FontStyles()
                for pageIndex in 0..<document.pageCount { pages.append(try extract(document, pageIndex, part: index + 1, styles: &styles)) }
            }
        }
        let document = try DocumentBuilder(configuration: configuration, threads: threads,
                                           recommendationFinder: recommendationFinder).build(pages: pages, sources: sources)
        if threads > 1 { BackgroundRelease.release(consume pages) }
        return document
    }

    /// Compiles the first regular expressions extraction and furniture detection read (the
    /// others compile on first use). The first pattern compiled in a process also makes ICU
    /// build its own tables, about 8 M instructions; a worker calls this on a spare core while
    /// it reads its first job and opens the document, so that cost is off the conversion's
    /// path. Optional: every pattern is compiled on first use anyway.
    public static func compilePatterns() {
        _ = FontStyle.boldPattern
        _ = FontStyle.italicPattern
        _ = NoteLabel.plain
        _ = ListItemMarker.enumerator
        _ = RunningHeaderDetector.pageNumberPattern
    }

    /// Below this many pages per thread, extraction stays on one thread.
    static let minimumPagesPerThread = 4

    /// One page through extraction, line building and reading order.
    private func extract(_ document: PopplerDocument, _ pageIndex: Int, part: Int, styles: inout FontStyles) throws -> PageLines {
        let text = RunExtractor(thresholds: configuration.thresholds).extract(try document.page(pageIndex), part: part, styles: &styles)
        let lines = LineBuilder(thresholds: configuration.thresholds).build(text)
        return PageLines(part: part, page: text.page, width: text.width, height: text.height,
                         lines: ReadingOrder(thresholds: configuration.thresholds).order(lines), fonts: text.fonts,
                         unmappedCharacters: text.unmappedCharacters)
    }

    /// The pages of one part extracted by `threads` threads taking pages in turn, in page order.
    /// The first thread goes on with `opened`, the document the part's metadata was read from;
    /// each other thread opens its own.
    private func extractConcurrently(_ input: Input, opened: PopplerDocument, part: Int, pageCount: Int, threads: Int) throws -> [PageLines] {
        let results = Mutex([PageLines?](repeating: nil, count: pageCount))
        let nextPage = Atomic(0)
        let failure = Mutex<(any Error)?>(nil)
        // Only the first thread touches it, and only after the caller is done with it.
        nonisolated(unsafe) let first = opened
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            do {
                let document = thread == 0 ? first : try PopplerDocument(data: input.data, password: input.password)
                var styles = FontStyles()
                while failure.withLock({ $0 == nil }) {
                    let pageIndex = nextPage.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard pageIndex < pageCount else { break }
                    let lines = try extract(document, pageIndex, part: part, styles: &styles)
                    results.withLock { $0[pageIndex] = lines }
                }
            } catch {
                failure.withLock { $0 = $0 ?? error }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        return results.withLock { $0.map { $0! } }
    }
}
