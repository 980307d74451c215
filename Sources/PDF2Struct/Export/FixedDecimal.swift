import Foundation

/// Prints a number with a fixed count of decimals, digit for digit what `String(format: "%.Nf")`
/// prints (the exact binary value, rounded half to even), except that a value that rounds to
/// zero loses its minus sign. Works on integers for the common case and falls back to
/// `String(format:)` for large magnitudes and long fractions.
enum FixedDecimal {
    /// The most decimals the integer path handles: the 53-bit significand times 10^3 fits in 64 bits.
    private static let maximumFastDecimals = 3
    /// From 2^52 on a double is a whole number and the integer path would overflow.
    private static let fastMagnitudeLimit = 0x1p52
    private static let powersOfTen: [UInt64] = [1, 10, 100, 1000]

    static func append(_ value: Double, decimals: Int, to out: inout TextBuffer) {
        let magnitude = value.magnitude
        guard decimals >= 0, decimals <= maximumFastDecimals, magnitude < fastMagnitudeLimit else {
            out.append(formatted(value, decimals: decimals))
            return
        }
        let scale = powersOfTen[decimals]
        let scaled = roundedScaledMagnitude(magnitude, scale: scale)
        if scaled != 0 && value < 0 { out.append(UInt8(ascii: "-")) }
        out.append(digitsOf: UInt(scaled / scale), minimumCount: 1)
        if decimals > 0 {
            out.append(UInt8(ascii: "."))
            out.append(digitsOf: UInt(scaled % scale), minimumCount: decimals)
        }
    }

    /// `magnitude × scale` rounded half to even, computed exactly from the significand and exponent.
    private static func roundedScaledMagnitude(_ magnitude: Double, scale: UInt64) -> UInt64 {
        // Subnormals (and zero) are far below half a unit of the last printed decimal.
        guard magnitude.isNormal else { return 0 }
        let significand = magnitude.significandBitPattern | (1 << UInt64(Double.significandBitCount))
        let shift = Double.significandBitCount - Int(magnitude.exponent)   // ≥ 1 below 2^52
        let product = significand * scale                                  // < 2^63
        guard shift < UInt64.bitWidth else { return 0 }                    // product < half a unit
        let quotient = product >> UInt64(shift)
        let remainder = product & ((1 << UInt64(shift)) - 1)
        let half: UInt64 = 1 << UInt64(shift - 1)
        let roundsUp = remainder > half || (remainder == half && quotient & 1 == 1)
        return roundsUp ? quotient + 1 : quotient
    }

    /// The general path: `String(format:)`, with the minus sign of a zero dropped.
    static func formatted(_ value: Double, decimals: Int) -> String {
        var text = String(format: "%.\(decimals)f", value)
        if text.hasPrefix("-"), Double(text) == 0 { text.removeFirst() }
        return text
    }
}
