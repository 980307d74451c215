import PopplerText

/// One box that `pdf2struct inspect` draws over a page: a piece of a block, note,
/// recommendation or furniture line, where it was printed and how it is tagged.
struct OverlayBox: Equatable, Sendable {
    /// The id of what the box shows, as in the JSON (`b12`, `n3`, `r1`); furniture, which has
    /// no id in the JSON, is numbered `f1`, `f2`… in document order.
    var elementID: String
    var kind: OverlayKind
    var part: Int
    /// 1-based page within `part`.
    var page: Int
    /// In points, origin at the page's top-left corner.
    var rect: PageRect
    /// The short tag printed on the box: reading-order number and type (`12 H2`, `13 P`),
    /// note kind and label (`fn 3`), `R1`, or the furniture kind.
    var tag: String
    /// A one-line description for tooltips: id, type, level, start of the text.
    var summary: String
    /// Which printed piece of the element this is (0 for the first; a paragraph running across
    /// a page or column break has two).
    var piece: Int
}
