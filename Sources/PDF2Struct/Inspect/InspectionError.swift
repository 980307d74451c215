/// Why `pdf2struct inspect` could not finish, beyond the PDF and rendering errors it passes on.
public enum InspectionError: Error, Equatable, Sendable {
    /// `--pages` selects no page of a document with this many pages.
    case noPagesSelected(pageCount: Int)
    /// The output folder or a file in it could not be written.
    case cannotWrite(path: String, reason: String)
}

extension InspectionError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .noPagesSelected(let count): return "--pages selects none of the document's \(count) pages"
        case .cannotWrite(let path, let reason): return "cannot write \(path): \(reason)"
        }
    }
}
