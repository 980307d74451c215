internal import CPoppler

/// A picture of one page that can be drawn on: poppler renders the page with cairo onto a
/// white image, then callers draw boxes, lines and labels over it and write it as PNG.
/// Owns the cairo image surface and drawing context and frees both in `deinit`.
///
/// Every position and length (line widths, font sizes) is in page points with the origin at the
/// page's top-left corner, like `PageRect`; the canvas multiplies by `scale` to get pixels.
/// Not safe to share across threads.
public final class PageCanvas {
    private let surface: OpaquePointer
    private let context: OpaquePointer

    /// Pixels per point.
    public let scale: Double
    public let pixelWidth: Int
    public let pixelHeight: Int

    /// cairo's limit on each side of an image surface.
    private static let maximumSide = 32_767

    /// Renders page `pageIndex` (0-based) of `document` at `scale` pixels per point on white.
    public init(rendering pageIndex: Int, of document: PopplerDocument, scale: Double) throws(CanvasError) {
        guard scale.isFinite, scale > 0 else { throw .invalidScale(scale) }
        guard pageIndex >= 0, pageIndex < document.pageCount,
              let page = poppler_document_get_page(document.document, Int32(pageIndex)) else {
            throw .pageOutOfRange(pageIndex)
        }
        defer { p2s_unref(UnsafeMutableRawPointer(page)) }
        var width = 0.0
        var height = 0.0
        poppler_page_get_size(page, &width, &height)
        let (surface, context) = try Self.makeSurface(width: Int((width * scale).rounded(.up)),
                                                      height: Int((height * scale).rounded(.up)))
        self.surface = surface
        self.context = context
        self.scale = scale
        pixelWidth = Int(cairo_image_surface_get_width(surface))
        pixelHeight = Int(cairo_image_surface_get_height(surface))
        cairo_set_source_rgb(context, 1, 1, 1)
        cairo_paint(context)
        cairo_scale(context, scale, scale)
        cairo_save(context)
        poppler_page_render(page, context)
        cairo_restore(context)
    }

    /// Reads a PNG (for instance one this type wrote) at one pixel per point.
    public init(contentsOfPNG path: String) throws(CanvasError) {
        guard let surface = cairo_image_surface_create_from_png(path) else {
            throw .cannotRead(path: path, reason: "out of memory")
        }
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            throw .cannotRead(path: path, reason: String(cString: cairo_status_to_string(status)))
        }
        self.surface = surface
        context = cairo_create(surface)
        scale = 1
        pixelWidth = Int(cairo_image_surface_get_width(surface))
        pixelHeight = Int(cairo_image_surface_get_height(surface))
    }

    deinit {
        cairo_destroy(context)
        cairo_surface_destroy(surface)
    }

    private static func makeSurface(width: Int, height: Int) throws(CanvasError) -> (OpaquePointer, OpaquePointer) {
        guard width > 0, height > 0, width <= maximumSide, height <= maximumSide,
              let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height)) else {
            throw .tooLarge(width: width, height: height)
        }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let context = cairo_create(surface) else {
            cairo_surface_destroy(surface)
            throw .tooLarge(width: width, height: height)
        }
        return (surface, context)
    }

    // MARK: Drawing (page points)

    /// Fills `rect` with `color`.
    public func fill(_ rect: PageRect, color: CanvasColor) {
        setColor(color)
        cairo_rectangle(context, rect.x0, rect.y0, rect.width, rect.height)
        cairo_fill(context)
    }

    /// Outlines `rect`; `dash` alternates drawn and skipped lengths (empty for a solid line).
    public func stroke(_ rect: PageRect, color: CanvasColor, lineWidth: Double, dash: [Double] = []) {
        setColor(color)
        setStroke(lineWidth: lineWidth, dash: dash)
        cairo_rectangle(context, rect.x0, rect.y0, rect.width, rect.height)
        cairo_stroke(context)
    }

    /// A straight line; `dash` as for `stroke`.
    public func line(from start: PagePoint, to end: PagePoint, color: CanvasColor, lineWidth: Double, dash: [Double] = []) {
        setColor(color)
        setStroke(lineWidth: lineWidth, dash: dash)
        cairo_move_to(context, start.x, start.y)
        cairo_line_to(context, end.x, end.y)
        cairo_stroke(context)
    }

    /// Fills the polygon through `points` (closed automatically); nothing for fewer than 3.
    public func fill(polygon points: [PagePoint], color: CanvasColor) {
        guard points.count >= 3 else { return }
        setColor(color)
        cairo_move_to(context, points[0].x, points[0].y)
        for point in points.dropFirst() { cairo_line_to(context, point.x, point.y) }
        cairo_close_path(context)
        cairo_fill(context)
    }

    /// Fills a disc.
    public func fill(circleAt center: PagePoint, radius: Double, color: CanvasColor) {
        setColor(color)
        cairo_new_sub_path(context)
        cairo_arc(context, center.x, center.y, radius, 0, 2 * Double.pi)
        cairo_fill(context)
    }

    /// The advance width of `text` in a sans-serif face of `size` points.
    public func textWidth(_ text: String, size: Double, bold: Bool = false) -> Double {
        selectFont(size: size, bold: bold)
        var extents = cairo_text_extents_t()
        cairo_text_extents(context, text, &extents)
        return extents.x_advance
    }

    /// Writes `text` in a sans-serif face of `size` points with its baseline starting at `origin`.
    public func text(_ text: String, at origin: PagePoint, size: Double, color: CanvasColor, bold: Bool = false) {
        selectFont(size: size, bold: bold)
        setColor(color)
        cairo_move_to(context, origin.x, origin.y)
        cairo_show_text(context, text)
        cairo_new_path(context)
    }

    private func setColor(_ color: CanvasColor) {
        cairo_set_source_rgba(context, color.red, color.green, color.blue, color.alpha)
    }

    private func setStroke(lineWidth: Double, dash: [Double]) {
        cairo_set_line_width(context, lineWidth)
        cairo_set_line_join(context, CAIRO_LINE_JOIN_MITER)
        dash.withUnsafeBufferPointer { cairo_set_dash(context, $0.baseAddress, Int32($0.count), 0) }
    }

    private func selectFont(size: Double, bold: Bool) {
        cairo_select_font_face(context, "sans-serif", CAIRO_FONT_SLANT_NORMAL,
                               bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(context, size)
    }

    // MARK: Pixels and files

    /// The colour of the pixel at column `x`, row `y` (pixels, top-left origin); nil outside.
    public func pixel(x: Int, y: Int) -> CanvasColor? {
        guard x >= 0, y >= 0, x < pixelWidth, y < pixelHeight else { return nil }
        cairo_surface_flush(surface)
        guard let data = cairo_image_surface_get_data(surface) else { return nil }
        let stride = Int(cairo_image_surface_get_stride(surface))
        // ARGB32: one native-endian 32-bit word per pixel, colour premultiplied by alpha.
        let word = UnsafeRawPointer(data + y * stride + x * 4).loadUnaligned(as: UInt32.self)
        let alpha = Double((word >> 24) & 0xFF) / 255
        guard alpha > 0 else { return CanvasColor(red: 0, green: 0, blue: 0, alpha: 0) }
        func channel(_ shift: UInt32) -> Double { min(1, Double((word >> shift) & 0xFF) / 255 / alpha) }
        return CanvasColor(red: channel(16), green: channel(8), blue: channel(0), alpha: alpha)
    }

    /// Writes the picture as a PNG file.
    public func writePNG(to path: String) throws(CanvasError) {
        cairo_surface_flush(surface)
        let status = cairo_surface_write_to_png(surface, path)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw .cannotWrite(path: path, reason: String(cString: cairo_status_to_string(status)))
        }
    }
}
