/// Why a page could not be rendered, or a picture written or read.
public enum CanvasError: Error, Equatable, Sendable {
    /// A page index (0-based) outside the document.
    case pageOutOfRange(Int)
    /// The scale must be a positive, finite number.
    case invalidScale(Double)
    /// The picture would exceed what cairo can hold (32767 pixels a side) or memory allows.
    case tooLarge(width: Int, height: Int)
    /// Cairo could not write the PNG.
    case cannotWrite(path: String, reason: String)
    /// Cairo could not read the PNG.
    case cannotRead(path: String, reason: String)
}

extension CanvasError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .pageOutOfRange(let index): return "page \(index + 1) is outside the document"
        case .invalidScale(let scale): return "scale \(scale) is not a positive number"
        case .tooLarge(let width, let height): return "a \(width)×\(height) pixel picture is too large; use a smaller scale"
        case .cannotWrite(let path, let reason): return "cannot write \(path): \(reason)"
        case .cannotRead(let path, let reason): return "cannot read \(path): \(reason)"
        }
    }
}
