/// Eight bytes tested at once (the "has zero byte" tricks of Hacker's Delight, 6-1): lets a scan
/// skip a stretch that holds none of the bytes it looks for.
struct ByteWord {
    static let width = 8
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    private let word: UInt64

    init(_ word: UInt64) {
        self.word = word
    }

    /// True if some byte is below `limit` (which must be at most 128).
    func hasByte(below limit: UInt8) -> Bool {
        (word &- Self.ones &* UInt64(limit)) & ~word & Self.highBits != 0
    }

    /// True if some byte equals `value`.
    func hasByte(_ value: UInt8) -> Bool {
        ByteWord(word ^ (Self.ones &* UInt64(value))).hasByte(below: 1)
    }

    /// True if some byte is 128 or above (not ASCII).
    var hasNonASCII: Bool { word & Self.highBits != 0 }
}
