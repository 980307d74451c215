import Foundation

/// The label that opens a note's first line: a raised marker (`³ Text`) or a plain one
/// (`3 Text`, `3. Text`, `* Text`). `isRaised` tells which, because a plain number is weaker
/// evidence (it could open an ordinary line).
public struct NoteLabel: Equatable, Sendable {
    public var label: String
    public var isRaised: Bool

    /// What a plain label is; `asciiPlainLabel` decides it by hand for printable ASCII text.
    static let plain = try! NSRegularExpression(pattern: #"^([0-9]{1,3}|[*∗†‡§¶]{1,3}|[a-z]|[ivxlc]{1,6})[.)]?$"#)

    /// The label opening `line`, if any; a plain label must be followed by more text.
    public static func opening(_ line: Line) -> NoteLabel? {
        guard let first = line.runs.first else { return nil }
        if line.raised.contains(0), let labels = NoteMarkerText.labels(in: first.text), labels.count == 1 {
            return line.runs.count > 1 ? NoteLabel(label: labels[0], isRaised: true) : nil
        }
        guard line.runs.count > 1 else { return nil }
        let text = first.text
        if let decided = asciiPlainLabel(text) {
            return decided.map { NoteLabel(label: $0, isRaised: false) }
        }
        guard let match = plain.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let range = Range(match.range(at: 1), in: text) else { return nil }
        return NoteLabel(label: String(text[range]), isRaised: false)
    }

    /// `plain` decided by hand for text of printable ASCII only (nil for any other text):
    /// there no character ends a line, so the text matches when, after dropping one closing `.`
    /// or `)`, what is left is one to three digits, one to three `*`, one small letter, or one
    /// to six of `ivxlc`; that is the label. `.some(nil)` means no match.
    static func asciiPlainLabel(_ text: String) -> String?? {
        var copy = text
        return copy.withUTF8 { bytes -> String?? in
            guard bytes.allSatisfy(\.isPrintableASCII) else { return nil }
            var end = bytes.count
            if let last = bytes.last, last == UInt8(ascii: ".") || last == UInt8(ascii: ")") { end -= 1 }
            let body = UnsafeBufferPointer(rebasing: bytes[..<end])
            let isLabel = (1...3).contains(body.count) && (body.allSatisfy(\.isASCIIDigit) || body.allSatisfy { $0 == UInt8(ascii: "*") })
                || (body.count == 1 && (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(body[0]))
                || ((1...6).contains(body.count) && body.allSatisfy { "ivxlc".utf8.contains($0) })
            return .some(isLabel ? String(decoding: body, as: UTF8.self) : nil)
        }
    }

    /// The value of a lower-case roman numeral (`iv` → 4), or nil.
    static func romanValue(_ text: String) -> Int? {
        let values: [Character: Int] = ["i": 1, "v": 5, "x": 10, "l": 50, "c": 100]
        var total = 0
        var previous = 0
        for ch in text.reversed() {
            guard let v = values[ch] else { return nil }
            total += v < previous ? -v : v
            previous = max(previous, v)
        }
        return total > 0 ? total : nil
    }

    /// True when this label may open the next note after `previous` (nil: the first note).
    /// Raised labels and symbols always may; a plain number must follow on from the previous
    /// number, and a plain letter from the previous letter (or be `a`), so that a continuation
    /// line starting "a century…" or "2005 was…" is not taken for a new note.
    public func follows(_ previous: String?) -> Bool {
        if isRaised { return true }
        if let number = Int(label) {
            guard let previous else { return true }
            return Int(previous).map { number == $0 + 1 } ?? false
        }
        if let value = Self.romanValue(label), !(label.count == 1 && previous.map { $0.count == 1 && Self.romanValue($0) == nil } == true) {
            guard let previous else { return value == 1 }
            return Self.romanValue(previous).map { value == $0 + 1 } ?? false
        }
        guard let letter = label.unicodeScalars.first, label.count == 1, letter.properties.isLowercase else { return true }
        guard let previous, let last = previous.unicodeScalars.first, previous.count == 1, last.properties.isLowercase else {
            return previous == nil && label == "a"
        }
        return letter.value == last.value + 1
    }
}
