internal import CPoppler
import Foundation

/// An open PDF document. Owns the poppler `PopplerDocument` GObject and releases it in `deinit`.
/// Not safe to share across threads: poppler documents are not; open one per worker.
public final class PopplerDocument {
    private let handle: OpaquePointer

    /// The number of pages (may be 0 for a degenerate PDF).
    public let pageCount: Int

    /// Opens the PDF held in `data`. `password` is tried as both user and owner password.
    public init(data: Data, password: String? = nil) throws(PDFError) {
        guard !data.isEmpty else { throw .empty }
        guard Self.hasPDFHeader(data) else { throw .notAPDF }
        let bytes = data.withUnsafeBytes { buffer in g_bytes_new(buffer.baseAddress, gsize(buffer.count)) }
        defer { g_bytes_unref(bytes) }
        var error: UnsafeMutablePointer<GError>? = nil
        let document: OpaquePointer?
        if let password {
            // poppler-glib 22.12 dereferences NULL when a password is wrong (AES-256 files) on
            // its bytes/data/file paths, killing the process; its stream path reports
            // POPPLER_ERROR_ENCRYPTED instead. So a given password goes through a memory stream.
            let stream = g_memory_input_stream_new_from_bytes(bytes)
            defer { p2s_unref(UnsafeMutableRawPointer(stream)) }
            document = poppler_document_new_from_stream(stream, goffset(data.count), password, nil, &error)
        } else {
            document = poppler_document_new_from_bytes(bytes, nil, &error)
        }
        guard let document else {
            let failure = Self.translate(error, passwordGiven: password != nil)
            if let error { g_error_free(error) }
            throw failure
        }
        handle = document
        pageCount = Int(poppler_document_get_n_pages(document))
    }

    /// Opens the PDF at `path` (read fully into memory first, so the file can change afterwards).
    public convenience init(path: String, password: String? = nil) throws(PDFError) {
        try self.init(data: Self.readFile(path), password: password)
    }

    deinit { p2s_unref(UnsafeMutableRawPointer(handle)) }

    /// The poppler document, for the other owners in this module (e.g. `PageCanvas`).
    var document: OpaquePointer { handle }

    /// Reads a whole file, mapping each failure to a `PDFError`.
    public static func readFile(_ path: String) throws(PDFError) -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .fileNotFound }
        guard !isDirectory.boolValue else { throw .notAFile }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable((error as NSError).localizedDescription)
        }
    }

    /// True when `%PDF-` appears in the first kilobyte, as readers accept.
    static func hasPDFHeader(_ data: Data) -> Bool {
        let head = data.prefix(1024)
        let marker = Array("%PDF-".utf8)
        guard head.count >= marker.count else { return false }
        let bytes = Array(head)
        for start in 0...(bytes.count - marker.count) where bytes[start..<(start + marker.count)].elementsEqual(marker) {
            return true
        }
        return false
    }

    private static func translate(_ error: UnsafeMutablePointer<GError>?, passwordGiven: Bool) -> PDFError {
        guard let error else { return .damaged("unknown error") }
        let message = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
        if error.pointee.domain == poppler_error_quark() && error.pointee.code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) {
            return passwordGiven ? .wrongPassword : .passwordRequired
        }
        return .damaged(message)
    }

    /// The document information dictionary and page count.
    public var info: DocumentInfo {
        DocumentInfo(
            title: takeGString(poppler_document_get_title(document)),
            author: takeGString(poppler_document_get_author(document)),
            subject: takeGString(poppler_document_get_subject(document)),
            keywords: takeGString(poppler_document_get_keywords(document)),
            producer: takeGString(poppler_document_get_producer(document)),
            creator: takeGString(poppler_document_get_creator(document)),
            creationDate: Self.isoDate(poppler_document_get_creation_date_time(document)),
            modificationDate: Self.isoDate(poppler_document_get_modification_date_time(document)),
            pageCount: pageCount
        )
    }

    private static func isoDate(_ date: OpaquePointer?) -> String? {
        guard let date else { return nil }
        defer { g_date_time_unref(date) }
        guard let utc = g_date_time_to_utc(date) else { return nil }
        defer { g_date_time_unref(utc) }
        return takeGString(g_date_time_format(utc, "%Y-%m-%dT%H:%M:%SZ"))
    }

    /// The outline (bookmarks), nested, in document order; empty when the PDF has none.
    /// `maxDepth` and `maxItems` bound the walk so a hostile outline cannot exhaust memory.
    public func outline(maxDepth: Int = 16, maxItems: Int = 10_000) -> [OutlineItem] {
        guard let iterator = poppler_index_iter_new(document) else { return [] }
        defer { poppler_index_iter_free(iterator) }
        var budget = maxItems
        return walkOutline(iterator, depth: 0, maxDepth: maxDepth, budget: &budget)
    }

    private func walkOutline(_ iterator: OpaquePointer, depth: Int, maxDepth: Int, budget: inout Int) -> [OutlineItem] {
        var items: [OutlineItem] = []
        repeat {
            guard budget > 0 else { break }
            budget -= 1
            let action = poppler_index_iter_get_action(iterator)
            let title = p2s_action_title(action).map { String(cString: $0) } ?? ""
            let page = Int(p2s_action_target_page(document, action))
            if let action { poppler_action_free(action) }
            var children: [OutlineItem] = []
            if depth + 1 < maxDepth, let child = poppler_index_iter_get_child(iterator) {
                children = walkOutline(child, depth: depth + 1, maxDepth: maxDepth, budget: &budget)
                poppler_index_iter_free(child)
            }
            items.append(OutlineItem(title: title, page: page, children: children))
        } while poppler_index_iter_next(iterator) != 0
        return items
    }

    /// Copies the text layer of page `index` (0-based) into Swift values.
    public func page(_ index: Int) throws(PDFError) -> RawPage {
        guard index >= 0, index < pageCount, let page = poppler_document_get_page(document, Int32(index)) else {
            throw .pageOutOfRange(index)
        }
        defer { p2s_unref(UnsafeMutableRawPointer(page)) }
        var width = 0.0
        var height = 0.0
        poppler_page_get_size(page, &width, &height)
        let label = takeGString(poppler_page_get_label(page))
        let text = takeGString(poppler_page_get_text(page)) ?? ""
        let scalarCount = text.unicodeScalarCount
        let boxes = Self.boxes(of: page, count: scalarCount)
        let (fonts, fontIndices) = Self.fonts(of: page, count: scalarCount)
        return RawPage(index: index, width: Self.bounded(width), height: Self.bounded(height), label: label, text: text,
                       boxes: boxes, fontIndices: fontIndices, fonts: fonts)
    }

    /// The largest coordinate or size copied out of poppler, in points (about 350 m; no page is
    /// larger than 14,400 points). A damaged or hostile PDF can place text at 1e20 or NaN, which
    /// would trap the first stage converting it to an integer; such values are clamped here, at
    /// the boundary, and NaN becomes 0, so every stage above sees finite, bounded numbers.
    static let coordinateLimit = 1_000_000.0

    static func bounded(_ value: Double) -> Double {
        value.isFinite ? min(max(value, -coordinateLimit), coordinateLimit) : 0
    }

    /// One rectangle per scalar of the page text, in top-left-origin points; an empty one at
    /// the origin past the end of poppler's list.
    private static func boxes(of page: OpaquePointer, count: Int) -> [PageRect] {
        var rectangles: UnsafeMutablePointer<PopplerRectangle>? = nil
        var given: guint = 0
        let boxCount = poppler_page_get_text_layout(page, &rectangles, &given) != 0 && rectangles != nil ? Int(given) : 0
        defer { if let rectangles { g_free(rectangles) } }
        let copied = min(boxCount, count)
        return [PageRect](unsafeUninitializedCapacity: count) { buffer, initialized in
            if let rectangles {
                for offset in 0..<copied {
                    let r = rectangles[offset]
                    // Almost every box is ordered and within bounds (a NaN fails every test):
                    // it is taken as it is; the rest are clamped and ordered.
                    if r.x1 <= r.x2, r.y1 <= r.y2, r.x1 >= -coordinateLimit, r.y1 >= -coordinateLimit,
                       r.x2 <= coordinateLimit, r.y2 <= coordinateLimit {
                        buffer[offset] = PageRect(orderedX0: r.x1, y0: r.y1, x1: r.x2, y1: r.y2)
                    } else {
                        buffer[offset] = PageRect(x0: bounded(r.x1), y0: bounded(r.y1), x1: bounded(r.x2), y1: bounded(r.y2))
                    }
                }
            }
            for offset in copied..<count { buffer[offset] = PageRect(x0: 0, y0: 0, x1: 0, y1: 0) }
            initialized = count
        }
    }

    /// The distinct fonts of the page, and for each of its `count` scalars the index of the
    /// font of the last attribute range covering it (-1 when none does).
    private static func fonts(of page: OpaquePointer, count: Int) -> (fonts: [RawFont], indices: [Int32]) {
        var fonts: [RawFont] = []
        var fontIndex: [RawFont: Int32] = [:]
        var indices = [Int32](repeating: -1, count: count)
        guard let list = poppler_page_get_text_attributes(page) else { return (fonts, indices) }
        defer { poppler_page_free_text_attributes(list) }
        var node: UnsafeMutablePointer<GList>? = list
        while let current = node {
            let attributes = p2s_text_attributes(current)!.pointee
            let name = attributes.font_name.map { String(cString: $0) } ?? ""
            let font = RawFont(name: name, size: bounded(attributes.font_size))
            let index: Int32
            if let known = fontIndex[font] {
                index = known
            } else {
                index = Int32(fonts.count)
                fonts.append(font)
                fontIndex[font] = index
            }
            let start = max(0, Int(attributes.start_index))
            let end = min(count - 1, Int(attributes.end_index))
            if start <= end {
                indices.withUnsafeMutableBufferPointer { buffer in
                    for i in start...end { buffer[i] = index }
                }
            }
            node = current.pointee.next
        }
        return (fonts, indices)
    }
}
