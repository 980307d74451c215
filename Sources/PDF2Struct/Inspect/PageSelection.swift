import Foundation

/// Which pages to show, as the user writes them: `3`, `1-5`, `1,4,9-12`, or `10-` for page 10
/// to the end. Pages are 1-based.
public struct PageSelection: Equatable, Sendable {
    /// Inclusive ranges; an open end is `Int.max`.
    public var ranges: [ClosedRange<Int>]

    /// Why a page list could not be read.
    public struct ParseError: Error, Equatable, CustomStringConvertible {
        public var text: String
        public var description: String { "cannot read the page list “\(text)”: write pages like 3, 1-5, 1,4,9-12 or 10-" }
    }

    public init(ranges: [ClosedRange<Int>]) {
        self.ranges = ranges
    }

    public init(parsing text: String) throws(ParseError) {
        var ranges: [ClosedRange<Int>] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let bounds = item.trimmingCharacters(in: .whitespaces).split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
            guard let low = bounds.first.flatMap({ Int($0) }), low >= 1 else { throw ParseError(text: text) }
            if bounds.count == 1 {
                ranges.append(low...low)
            } else if bounds[1].isEmpty {
                ranges.append(low...Int.max)
            } else if let high = Int(bounds[1]), high >= low {
                ranges.append(low...high)
            } else {
                throw ParseError(text: text)
            }
        }
        self.init(ranges: ranges)
    }

    /// The selected pages of a document with `pageCount` pages, ascending, without repeats;
    /// pages beyond the document are left out.
    public func pages(in pageCount: Int) -> [Int] {
        guard pageCount > 0 else { return [] }
        return (1...pageCount).filter { page in ranges.contains { $0.contains(page) } }
    }
}
