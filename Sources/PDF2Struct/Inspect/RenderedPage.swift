/// One page picture that `pdf2struct inspect` wrote: which page, the PNG's file name in the
/// output folder, the page's size in points and the picture's size in pixels.
public struct RenderedPage: Equatable, Sendable {
    public var part: Int
    /// 1-based page within `part`.
    public var page: Int
    /// The page label printed in the PDF (e.g. `iv`), when it has one.
    public var label: String?
    public var fileName: String
    public var width: Double
    public var height: Double
    public var pixelWidth: Int
    public var pixelHeight: Int

    public init(part: Int, page: Int, label: String?, fileName: String, width: Double, height: Double,
                pixelWidth: Int, pixelHeight: Int) {
        self.part = part
        self.page = page
        self.label = label
        self.fileName = fileName
        self.width = width
        self.height = height
        self.pixelWidth = pixelWidth
        self.pixelHeight = pixelHeight
    }
}
