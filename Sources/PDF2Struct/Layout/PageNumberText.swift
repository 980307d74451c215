/// Decides `RunningHeaderDetector`'s page-number expression,
/// `^[\s\-–—|·•]*(page\s+)?([0-9]{1,4}|[ivxlcdm]{1,7})(\s*(of|/)\s*[0-9]{1,4})?[\s\-–—|·•]*$`
/// (case-insensitive), by hand where that is certain: for text of printable ASCII, and for
/// text holding a scalar no part of the expression can match. `nil` leaves the rest (text
/// with line breaks, tabs, non-ASCII spaces or dashes) to the expression itself.
enum PageNumberText {
    static func matches(_ text: String) -> Bool? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            guard byte >= 0x20, byte < 0x7F else { return outsideExpression(text) ? false : nil }
            bytes.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
        }
        return matchesLowered(bytes)
    }

    /// True when `text` holds a scalar that none of the expression's parts can match: not
    /// ASCII, not a space or separator, not one of `–—·•`, and no case variant of ASCII.
    private static func outsideExpression(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            guard scalar.value >= 0x80 else { return false }
            if [0x2013, 0x2014, 0x00B7, 0x2022].contains(scalar.value) { return false }
            let properties = scalar.properties
            if properties.isWhitespace { return false }
            switch properties.generalCategory {
            case .spaceSeparator, .lineSeparator, .paragraphSeparator, .control, .format: return false
            default: break
            }
            let variants = properties.lowercaseMapping + properties.uppercaseMapping + properties.titlecaseMapping
            return !variants.unicodeScalars.contains { $0.isASCII }
        }
    }

    /// The expression over lower-cased printable ASCII, where `\s` is the space and the
    /// separators are space, `-` and `|`. Every part is decided by its first byte, so each
    /// repetition takes all it can and no alternative needs retrying.
    static func matchesLowered(_ bytes: [UInt8]) -> Bool {
        let count = bytes.count
        func isSeparator(_ b: UInt8) -> Bool { b == 0x20 || b == 0x2D || b == 0x7C }
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        func isRoman(_ b: UInt8) -> Bool {
            b == 0x69 || b == 0x76 || b == 0x78 || b == 0x6C || b == 0x63 || b == 0x64 || b == 0x6D
        }
        func run(from start: Int, _ belongs: (UInt8) -> Bool) -> Int {
            var end = start
            while end < count, belongs(bytes[end]) { end += 1 }
            return end
        }
        func onlySeparators(from start: Int) -> Bool { run(from: start, isSeparator) == count }

        var position = run(from: 0, isSeparator)
        if position + 4 <= count, bytes[position..<(position + 4)].elementsEqual("page".utf8) {
            let afterSpaces = run(from: position + 4) { $0 == 0x20 }
            guard afterSpaces > position + 4 else { return false }
            position = afterSpaces
        }
        guard position < count else { return false }
        let numberEnd: Int
        if isDigit(bytes[position]) {
            numberEnd = run(from: position, isDigit)
            guard numberEnd - position <= 4 else { return false }
        } else if isRoman(bytes[position]) {
            numberEnd = run(from: position, isRoman)
            guard numberEnd - position <= 7 else { return false }
        } else {
            return false
        }
        if onlySeparators(from: numberEnd) { return true }
        // ` of 12` or `/12`.
        var suffix = run(from: numberEnd) { $0 == 0x20 }
        if suffix + 2 <= count, bytes[suffix] == 0x6F, bytes[suffix + 1] == 0x66 {
            suffix += 2
        } else if suffix < count, bytes[suffix] == 0x2F {
            suffix += 1
        } else {
            return false
        }
        suffix = run(from: suffix) { $0 == 0x20 }
        let totalEnd = run(from: suffix, isDigit)
        guard totalEnd > suffix, totalEnd - suffix <= 4 else { return false }
        return onlySeparators(from: totalEnd)
    }
}
