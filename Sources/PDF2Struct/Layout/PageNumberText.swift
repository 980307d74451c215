/// Decides `RunningHeaderDetector`'s page-number expression,
/// `^[\s\-–—|·•]*(page\s+)?([0-9]{1,4}|[ivxlcdm]{1,7})(\s*(of|/)\s*[0-9]{1,4})?[\s\-–—|·•]*$`
/// (case-insensitive), by hand where that is certain. Each scalar is read as a lower-cased
/// printable ASCII byte, as a space (white space every definition of `\s` agrees on), or as
/// a hyphen (one of `–—·•`, which only the separator class matches). A scalar no part of the
/// expression can match decides `false`; `nil` leaves the rare rest (vertical tabs, other
/// controls, letters with ASCII case variants) to the expression itself.
enum PageNumberText {
    static func matches(_ text: String) -> Bool? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            switch value {
            case 0x41...0x5A:
                bytes.append(UInt8(value) | 0x20)
            case 0x20..<0x7F:
                bytes.append(UInt8(value))
            case 0x09, 0x0A, 0x0C, 0x0D, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
                bytes.append(0x20)
            case 0x2013, 0x2014, 0xB7, 0x2022:
                bytes.append(0x2D)
            case 0x00..<0x80:
                return nil
            default:
                guard isOutsideExpression(scalar) else { return nil }
                return false
            }
        }
        return matchesLowered(bytes)
    }

    /// True for a non-ASCII scalar that no part of the expression can match: no space or
    /// separator of any kind, no control or format character, and no case variant in ASCII.
    private static func isOutsideExpression(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        if properties.isWhitespace { return false }
        switch properties.generalCategory {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator, .control, .format: return false
        default: break
        }
        let variants = properties.lowercaseMapping + properties.uppercaseMapping + properties.titlecaseMapping
        return !variants.unicodeScalars.contains { $0.isASCII }
    }

    /// The expression over lower-cased printable ASCII, where `\s` is the space and the
    /// separators are space, `-` and `|`. Every part is decided by its first byte, so each
    /// repetition takes all it can and no alternative needs retrying.
    static func matchesLowered(_ bytes: [UInt8]) -> Bool {
        let count = bytes.count
        func isSeparator(_ b: UInt8) -> Bool { b == 0x20 || b == 0x2D || b == 0x7C }
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
        if bytes[position].isASCIIDigit {
            numberEnd = run(from: position, \.isASCIIDigit)
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
        let totalEnd = run(from: suffix, \.isASCIIDigit)
        guard totalEnd > suffix, totalEnd - suffix <= 4 else { return false }
        return onlySeparators(from: totalEnd)
    }
}
