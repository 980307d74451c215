import Foundation

/// A yes/no question about single Unicode scalars, answered from a bit table for ASCII and by
/// the general test it was made from for the rest; the table is filled by that same test, so
/// both paths agree by construction.
struct ScalarTest: Sendable {
    private let low: UInt64
    private let high: UInt64
    private let general: @Sendable (Unicode.Scalar) -> Bool

    init(_ general: @escaping @Sendable (Unicode.Scalar) -> Bool) {
        var low: UInt64 = 0, high: UInt64 = 0
        for value in UInt8(0)..<128 where general(Unicode.Scalar(value)) {
            if value < 64 { low |= 1 << UInt64(value) } else { high |= 1 << UInt64(value - 64) }
        }
        self.low = low
        self.high = high
        self.general = general
    }

    @inline(__always)
    func callAsFunction(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 64 { return low >> UInt64(value) & 1 == 1 }
        if value < 128 { return high >> UInt64(value - 64) & 1 == 1 }
        return general(scalar)
    }

    /// `Character.isWhitespace` of the scalar standing alone.
    static let whitespace = ScalarTest { Character($0).isWhitespace }
    /// `Character.isUppercase` of the scalar standing alone.
    static let uppercase = ScalarTest { Character($0).isUppercase }
    /// Membership in `CharacterSet.whitespaces` (what `trimmingCharacters(in: .whitespaces)` drops).
    static let trimmedWhitespace = ScalarTest { CharacterSet.whitespaces.contains($0) }
}
