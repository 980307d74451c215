/// A warning found while converting: something the output cannot show faithfully (a marker with
/// no note, unmapped glyphs…). Diagnostics never stop a conversion.
public struct Diagnostic: Equatable, Sendable {
    /// A stable, machine-readable code such as `marker_without_note`.
    public var code: String
    public var message: String
    public var part: Int?
    public var page: Int?

    public init(code: String, message: String, part: Int? = nil, page: Int? = nil) {
        self.code = code
        self.message = message
        self.part = part
        self.page = page
    }
}
