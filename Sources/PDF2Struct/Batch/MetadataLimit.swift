import PopplerText

/// Caps what a PDF declares about itself — the document information strings and the outline
/// titles — at `maxScalars` Unicode scalars each, so an enormous `/Title` cannot blow up the
/// time and memory of the export. A cut string keeps its first `maxScalars` scalars, and the
/// document gets one `metadata_truncated` diagnostic per part that was cut. Never touches the
/// page text.
public struct MetadataLimit: Sendable {
    public static let diagnosticCode = "metadata_truncated"

    /// The longest metadata string kept, in Unicode scalars.
    public var maxScalars: Int

    public init(maxScalars: Int = 4096) {
        self.maxScalars = maxScalars
    }

    public func apply(to document: inout Document) {
        for index in document.sources.indices {
            var cut = false
            var info = document.sources[index].info
            for field in [\DocumentInfo.title, \.author, \.subject, \.keywords, \.producer, \.creator] {
                if let value = info[keyPath: field], let short = clamp(value) {
                    info[keyPath: field] = short
                    cut = true
                }
            }
            document.sources[index].info = info
            document.sources[index].outline = document.sources[index].outline.map { clampTitles($0, cut: &cut) }
            if cut {
                document.diagnostics.append(Diagnostic(
                    code: Self.diagnosticCode,
                    message: "metadata or outline strings longer than \(maxScalars) characters were cut to that length",
                    part: index + 1))
            }
        }
    }

    private func clampTitles(_ item: OutlineItem, cut: inout Bool) -> OutlineItem {
        var item = item
        if let short = clamp(item.title) {
            item.title = short
            cut = true
        }
        item.children = item.children.map { clampTitles($0, cut: &cut) }
        return item
    }

    /// The first `maxScalars` scalars of `value`, or nil when it is short enough.
    private func clamp(_ value: String) -> String? {
        guard value.utf8.count > maxScalars, value.unicodeScalars.count > maxScalars else { return nil }
        return String(String.UnicodeScalarView(value.unicodeScalars.prefix(maxScalars)))
    }
}
