import Foundation
import PopplerText

/// `pdf2struct inspect` as a library call: converts one PDF, renders the chosen pages with
/// poppler's cairo renderer, draws the detected structure over them (see `OverlayPainter`)
/// and writes `page-NNN.png` for each page and `index.html` beside them (see
/// `InspectionPage`). The conversion always covers the whole document, so what is drawn is
/// exactly what `convert` would output; only the rendering is limited to the chosen pages.
public struct Inspector: Sendable {
    public var configuration: Configuration
    /// Pixels per point of the page pictures: 2 gives 144 dpi, sharp enough to read 6 pt tags.
    public var scale: Double

    public init(configuration: Configuration = Configuration(), scale: Double = 2) {
        self.configuration = configuration
        self.scale = scale
    }

    /// What an inspection wrote.
    public struct Result: Sendable {
        public var document: Document
        public var pages: [RenderedPage]
        public var indexPath: String
    }

    /// Inspects `input` into `folder` (made when missing); `selection` limits the rendered pages.
    public func inspect(_ input: Pipeline.Input, pages selection: PageSelection? = nil, into folder: String) throws -> Result {
        let document = try Pipeline(configuration: configuration).convert([input])
        let pdf = try PopplerDocument(data: input.data, password: input.password)
        let numbers = selection?.pages(in: pdf.pageCount) ?? (pdf.pageCount > 0 ? Array(1...pdf.pageCount) : [])
        if numbers.isEmpty, selection != nil { throw InspectionError.noPagesSelected(pageCount: pdf.pageCount) }

        var runs: [MarkerLocator.PageKey: [TextRun]] = [:]
        var rawPages: [Int: RawPage] = [:]
        let extractor = RunExtractor()
        for number in numbers {
            let raw = try pdf.page(number - 1)
            rawPages[number] = raw
            runs[MarkerLocator.PageKey(part: 1, page: number)] = extractor.extract(raw, part: 1).lines.flatMap { $0 }
        }
        let overlay = OverlayPlanner(markerLocator: MarkerLocator(runs: runs, thresholds: configuration.thresholds)).plan(document)

        try Self.makeFolder(folder)
        let digits = max(3, String(pdf.pageCount).count)
        var rendered: [RenderedPage] = []
        for number in numbers {
            let raw = rawPages[number]!
            let canvas = try PageCanvas(rendering: number - 1, of: pdf, scale: scale)
            OverlayPainter().paint(overlay, part: 1, page: number, pageWidth: raw.width, on: canvas)
            let fileName = "page-" + String(repeating: "0", count: max(0, digits - String(number).count)) + "\(number).png"
            try canvas.writePNG(to: URL(fileURLWithPath: folder).appendingPathComponent(fileName).path)
            rendered.append(RenderedPage(part: 1, page: number, label: raw.label, fileName: fileName, width: raw.width,
                                         height: raw.height, pixelWidth: canvas.pixelWidth, pixelHeight: canvas.pixelHeight))
        }

        let html = InspectionPage(name: input.fileName, document: document, overlay: overlay, pages: rendered,
                                  markdown: MarkdownExporter().export(document), pageCount: pdf.pageCount).html()
        let index = URL(fileURLWithPath: folder).appendingPathComponent("index.html")
        do {
            try Data(html.utf8).write(to: index, options: .atomic)
        } catch {
            throw InspectionError.cannotWrite(path: index.path, reason: (error as NSError).localizedDescription)
        }
        return Result(document: document, pages: rendered, indexPath: index.path)
    }

    private static func makeFolder(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw InspectionError.cannotWrite(path: path, reason: (error as NSError).localizedDescription)
        }
    }
}
