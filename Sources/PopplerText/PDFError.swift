/// Why a PDF could not be opened or read. Each case maps to its own user-facing message.
public enum PDFError: Error, Equatable, Sendable {
    /// The file does not exist.
    case fileNotFound
    /// The path exists but is not a regular file (a folder, a device).
    case notAFile
    /// The file exists but cannot be read (permissions, I/O error).
    case unreadable(String)
    /// The file is empty.
    case empty
    /// The bytes do not start with a PDF header.
    case notAPDF
    /// The PDF is encrypted and no password was given.
    case passwordRequired
    /// The PDF is encrypted and the password given is wrong.
    case wrongPassword
    /// Poppler could not parse the document (truncated, damaged beyond repair).
    case damaged(String)
    /// A page index outside the document.
    case pageOutOfRange(Int)
}

extension PDFError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .fileNotFound: return "no such file"
        case .notAFile: return "not a regular file"
        case .unreadable(let why): return "cannot read file: \(why)"
        case .empty: return "empty file, not a PDF"
        case .notAPDF: return "not a PDF (no %PDF- header)"
        case .passwordRequired: return "the PDF is encrypted; give its password with --password"
        case .wrongPassword: return "wrong password for this encrypted PDF (see --password)"
        case .damaged(let why): return "damaged PDF that poppler cannot read: \(why)"
        case .pageOutOfRange(let index): return "page \(index + 1) is outside the document"
        }
    }
}
