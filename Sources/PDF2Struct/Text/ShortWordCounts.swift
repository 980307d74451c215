/// Counts of short ASCII words (up to `maxLength` bytes, lower-cased), each packed into two
/// machine words and kept in an open-addressing table: a document repeats its common words
/// thousands of times, and counting them so needs neither a `String` nor a `Hasher` per word.
/// Two words are the same key exactly when their lower-cased bytes are equal.
struct ShortWordCounts {
    /// The longest word taken: 15 bytes and the length fill the two machine words.
    static let maxLength = 15

    /// A packed word: bytes 0–7 in `low`, bytes 8–14 and the length (never 0) in `high`;
    /// `high == 0` marks an empty slot.
    private struct Slot {
        var low: UInt64 = 0
        var high: UInt64 = 0
        var count = 0
    }

    /// 4096 slots to start: a report of a few dozen pages has a few thousand distinct words.
    private var slots = [Slot](repeating: Slot(), count: 4096)
    private var shift = 64 - 12
    private var used = 0

    /// Counts the word in `range` of `bytes` (ASCII, at most `maxLength` bytes), ASCII
    /// capitals made small.
    mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        var low: UInt64 = 0
        var high = UInt64(range.count) << 56
        var position: UInt64 = 0
        for offset in range {
            let byte = bytes[offset]
            let lowered = UInt64(byte.lowercasedASCII)
            if position < 8 { low |= lowered << (8 * position) } else { high |= lowered << (8 * (position - 8)) }
            position += 1
        }
        if 2 * (used + 1) > slots.count { grow() }
        let index = slotIndex(low, high)
        let isNew = slots.withUnsafeMutableBufferPointer { slots in
            if slots[index].high == 0 {
                slots[index] = Slot(low: low, high: high, count: 1)
                return true
            }
            slots[index].count += 1
            return false
        }
        if isNew { used += 1 }
    }

    /// Calls `body` with each word and its count, in no particular order.
    func forEach(_ body: (String, Int) -> Void) {
        for slot in slots where slot.high != 0 {
            let length = Int(slot.high >> 56)
            let word = String(unsafeUninitializedCapacity: length) { out in
                for position in 0..<length {
                    let word = position < 8 ? slot.low >> (8 * UInt64(position)) : slot.high >> (8 * UInt64(position - 8))
                    out[position] = UInt8(truncatingIfNeeded: word)
                }
                return length
            }
            body(word, slot.count)
        }
    }

    /// The number of distinct words.
    var count: Int { used }

    /// The slot holding the word, or the empty slot where it goes (linear probing).
    private func slotIndex(_ low: UInt64, _ high: UInt64) -> Int {
        let mixed = (low &* 0x9E37_79B9_7F4A_7C15) ^ (high &* 0xC2B2_AE3D_27D4_EB4F)
        var index = Int(truncatingIfNeeded: ((mixed ^ (mixed >> 31)) &* 0x94D0_49BB_1331_11EB) >> UInt64(shift))
        return slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            while slots[index].high != 0 && (slots[index].low != low || slots[index].high != high) {
                index = (index + 1) & mask
            }
            return index
        }
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: 2 * old.count)
        shift -= 1
        for slot in old where slot.high != 0 {
            slots[slotIndex(slot.low, slot.high)] = slot
        }
    }
}
