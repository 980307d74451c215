/// Joins a paragraph cut by a page, column or part break: the last paragraph before the break
/// and the first after it become one unit when they are set in the same size and the first
/// half ends without terminal punctuation or the second starts in lower case (both, when
/// there is no break between them). A list item cut
/// the same way takes its continuation. Never joins a heading or the title, and never joins
/// anything into a following list item.
struct ParagraphJoiner {
    var thresholds: Thresholds

    func join(_ units: [Unit]) -> [Unit] {
        var result: [Unit] = []
        for unit in units {
            if let previous = result.last, canJoin(previous, unit) {
                result[result.count - 1].pieces += unit.pieces
            } else {
                result.append(unit)
            }
        }
        return result
    }

    private func canJoin(_ a: Unit, _ b: Unit) -> Bool {
        guard b.role == .paragraph else { return false }
        switch a.role {
        case .paragraph, .listItem: break
        case .title, .heading, .contentsEntry: return false
        }
        let endA = a.last, startB = b.first
        let sizeA = endA.mainSize
        guard abs(sizeA - startB.mainSize) <= thresholds.crossBreakSizeTolerance * sizeA else { return false }
        let unfinished = !(Self.lastVisible(a).map { ".!?:”\"’)".contains($0) } ?? true)
        let continues = Self.firstVisible(b)?.isLowercase == true
        let crossesBreak = endA.page != startB.page || endA.part != startB.part
            || startB.bbox.y0 < endA.bbox.y0 - sizeA
        // Across a break either sign will do; on the same column only both together (a line
        // the block builder set apart by an unusual gap).
        return crossesBreak ? (unfinished || continues) : (unfinished && continues)
    }

    /// The unit's lines as `plainText` joins them, before whitespace is collapsed.
    private static func joinedText(_ unit: Unit) -> String {
        unit.lines.map(\.bodyText).joined(separator: " ")
    }

    /// The first character of `unit.plainText`: its first word starts with the first character
    /// that is not whitespace.
    private static func firstVisible(_ unit: Unit) -> Character? {
        // Line by line while the lines hold standalone scalars only, which no neighbour joins.
        for piece in unit.pieces {
            for line in piece.lines {
                switch visibleScalar(in: line.bodyText, last: false) {
                case .standalone(let scalar?): return Character(scalar)
                case .standalone(nil): continue
                case .mixed: return joinedText(unit).first { !$0.isWhitespace }
                }
            }
        }
        return nil
    }

    /// The last character of `unit.plainText` as far as the punctuation test can tell: the last
    /// character that is not whitespace (where collapsing puts a space before a lone combining
    /// mark, neither that pair nor the mark alone is punctuation).
    private static func lastVisible(_ unit: Unit) -> Character? {
        for piece in unit.pieces.reversed() {
            for line in piece.lines.reversed() {
                switch visibleScalar(in: line.bodyText, last: true) {
                case .standalone(let scalar?): return Character(scalar)
                case .standalone(nil): continue
                case .mixed: return joinedText(unit).last { !$0.isWhitespace }
                }
            }
        }
        return nil
    }

    private enum Scan {
        /// The text holds standalone scalars only; the first or last that is not whitespace.
        case standalone(Unicode.Scalar?)
        /// The text holds a scalar that may join its neighbours: read it by characters.
        case mixed
    }

    private static func visibleScalar(in text: String, last: Bool) -> Scan {
        var found: Unicode.Scalar? = nil
        let whitespace = ScalarTest.whitespace
        for scalar in text.unicodeScalars {
            guard StandaloneScalars.contains(scalar) else { return .mixed }
            if (last || found == nil) && !whitespace(scalar) { found = scalar }
        }
        return .standalone(found)
    }
}
