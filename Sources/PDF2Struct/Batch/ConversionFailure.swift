import PopplerText

/// Why one input of a batch was not converted: a stable, machine-readable `kind` (recorded in
/// `--report`) and the message shown after the file's name. A failure never stops the other
/// inputs of a batch.
public struct ConversionFailure: Error, Codable, Equatable, Sendable, CustomStringConvertible {
    /// The failure classes, as written in reports (snake_case raw values are part of the report
    /// format: add cases, never rename them).
    public enum Kind: String, Codable, Sendable {
        case fileNotFound = "file_not_found"
        case notAFile = "not_a_file"
        case unreadable
        case emptyFile = "empty_file"
        case notAPDF = "not_a_pdf"
        case encrypted
        case damaged
        case noPages = "no_pages"
        case noPDFs = "no_pdfs"
        case outputCollision = "output_collision"
        case writeFailed = "write_failed"
        case crashed
        case timedOut = "timed_out"
        case interrupted
        case internalError = "internal_error"
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The failure for an error the PDF layer reported; encrypted PDFs get their own kind so a
    /// batch can tell a missing `--password` from damage.
    public init(_ error: PDFError) {
        switch error {
        case .fileNotFound: self.init(.fileNotFound, error.description)
        case .notAFile: self.init(.notAFile, error.description)
        case .unreadable: self.init(.unreadable, error.description)
        case .empty: self.init(.emptyFile, error.description)
        case .notAPDF: self.init(.notAPDF, error.description)
        case .passwordRequired, .wrongPassword: self.init(.encrypted, error.description)
        case .damaged, .pageOutOfRange: self.init(.damaged, error.description)
        }
    }

    public var description: String { message }
}
