/// Literal ASCII strings of which every match of an ICU regular expression (compiled
/// case-insensitively) contains at least one, read off the pattern: `\b(recommended|urged)\s+that`
/// needs `recommended` or `urged`. A text containing none of them, ignoring ASCII case, cannot
/// match, and the regex need not run. Patterns with syntax this reader does not know yield no
/// literals, and then every text may match.
struct RequiredLiterals: Sendable {
    /// Lower-cased alternatives; nil when the pattern requires nothing this reader can tell.
    let alternatives: [[UInt8]]?
    /// The first bytes of the alternatives, in both cases: where one of them may start.
    private let firstBytes: ScalarTest

    init(pattern: String) {
        var reader = PatternReader(Array(pattern.unicodeScalars))
        let found = reader.readAlternation()
        let alternatives = reader.failed || reader.index != reader.scalars.count ? nil : found
        self.alternatives = alternatives
        let firsts = Set((alternatives ?? []).compactMap(\.first))
        firstBytes = ScalarTest { scalar in
            scalar.isASCII && firsts.contains(UInt8(scalar.value).lowercasedASCII)
        }
    }

    /// False only when `text` cannot match: it contains none of the literals in any case, and
    /// no scalar of it changes under case folding other than ASCII letters (`ﬁ` folds to `fi`,
    /// `ſ` to `s`, the Kelvin sign to `k`).
    func mayMatch(_ text: String) -> Bool {
        guard let alternatives else { return true }
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { bytes in
            if Self.hasFoldingNonASCII(bytes) { return true }
            return Self.containsAny(bytes, alternatives, firstBytes: firstBytes)
        } ?? true
    }

    private static func hasFoldingNonASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var offset = 0
        while offset < bytes.count {
            if bytes[offset] < 0x80 {
                offset += 1
                continue
            }
            let (scalar, length) = bytes.scalar(at: offset)
            if scalar.properties.changesWhenCaseFolded { return true }
            offset += length
        }
        return false
    }

    /// True when `bytes` contain one of the `literals` (non-empty, lower-case ASCII), ASCII
    /// letters compared in any case. One pass: only at a byte that `firstBytes` holds are the
    /// literals compared.
    private static func containsAny(_ bytes: UnsafeBufferPointer<UInt8>, _ literals: [[UInt8]], firstBytes: ScalarTest) -> Bool {
        for start in 0..<bytes.count where firstBytes(Unicode.Scalar(bytes[start])) {
            let first = bytes[start].lowercasedASCII
            for literal in literals where literal.first == first && start + literal.count <= bytes.count {
                var index = 1
                while index < literal.count && bytes[start + index].lowercasedASCII == literal[index] { index += 1 }
                if index == literal.count { return true }
            }
        }
        return false
    }
}

/// Reads an ICU pattern for `RequiredLiterals`: alternation, sequences, groups and quantifiers;
/// classes, `.`, class escapes and assertions count as unknown characters. Sets `failed` on
/// anything else (escapes that take arguments, `\Q`, the `x` flag, odd brackets).
private struct PatternReader {
    let scalars: [Unicode.Scalar]
    var index = 0
    var failed = false

    /// Escaped letters that stand for a class of characters or a zero-width assertion.
    private static let classEscapes = Set("bBdDsSwWhHvVRXAZzGtnrfea".unicodeScalars)

    init(_ scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    /// `a|b|…` up to a `)` or the end: the union of the branches' literals, when all have some.
    mutating func readAlternation() -> [[UInt8]]? {
        var union: [[UInt8]] = []
        var everyBranch = true
        while true {
            if let literals = readSequence() { union += literals } else { everyBranch = false }
            guard !failed, current == "|" else { break }
            index += 1
        }
        return everyBranch && !union.isEmpty ? union : nil
    }

    /// The best requirement among the items of a sequence: the one whose shortest literal is longest.
    private mutating func readSequence() -> [[UInt8]]? {
        var best: [[UInt8]]? = nil
        func consider(_ candidate: [[UInt8]]?) {
            guard let candidate, !candidate.isEmpty, !candidate.contains(where: \.isEmpty) else { return }
            let length = candidate.map(\.count).min()!
            if best == nil || length > best!.map(\.count).min()! { best = candidate }
        }
        var run: [UInt8] = []
        while !failed, let scalar = current, scalar != "|", scalar != ")" {
            let item = readItem()
            guard !failed else { return nil }
            let (minimum, quantified) = readQuantifier()
            guard !failed else { return nil }
            if case .literal(let byte) = item, !quantified {
                run.append(byte)
                continue
            }
            consider([run])
            run = []
            switch item {
            case .literal(let byte): if minimum > 0 { consider([[byte]]) }
            case .group(let literals): if minimum > 0 { consider(literals) }
            case .other: break
            }
        }
        consider([run])
        return best
    }

    private enum Item {
        case literal(UInt8)
        case group([[UInt8]]?)
        case other
    }

    private mutating func readItem() -> Item {
        let scalar = scalars[index]
        index += 1
        switch scalar {
        case "\\":
            guard let escaped = current, escaped.isASCII else { failed = true; return .other }
            index += 1
            if escaped.properties.isAlphabetic || ("0"..."9").contains(escaped) {
                guard Self.classEscapes.contains(escaped) else { failed = true; return .other }
                return .other
            }
            return .literal(UInt8(escaped.value))
        case "[":
            skipClass()
            return .other
        case "(":
            return readGroup()
        case ".", "^", "$":
            return .other
        case "*", "+", "?", "{", "}", "]", ")":
            failed = true
            return .other
        default:
            guard scalar.isASCII else { return .other }
            let byte = UInt8(scalar.value)
            return .literal(byte.lowercasedASCII)
        }
    }

    /// After `(`: a capturing, `(?:`, atomic or named group, a lookaround (whose text need not
    /// lie inside the match: unknown), inline flags or a comment.
    private mutating func readGroup() -> Item {
        var lookaround = false
        if current == "?" {
            index += 1
            guard let kind = current else { failed = true; return .other }
            switch kind {
            case ":", ">", "=", "!":
                lookaround = kind == "=" || kind == "!"
                index += 1
            case "<":
                index += 1
                if current == "=" || current == "!" {
                    lookaround = true
                    index += 1
                } else {
                    while let letter = current, letter.properties.isAlphabetic || ("0"..."9").contains(letter) { index += 1 }
                    guard current == ">" else { failed = true; return .other }
                    index += 1
                }
            case "#":
                while let next = current, next != ")" { index += 1 }
                guard current == ")" else { failed = true; return .other }
                index += 1
                return .other
            default:
                // Inline flags `(?i)`, `(?-i:…)`: case changes keep the literals sound, `x` does not.
                while let flag = current, "ismwu-".unicodeScalars.contains(flag) { index += 1 }
                if current == ")" {
                    index += 1
                    return .other
                }
                guard current == ":" else { failed = true; return .other }
                index += 1
            }
        }
        let literals = readAlternation()
        guard !failed, current == ")" else { failed = true; return .other }
        index += 1
        return lookaround ? .other : .group(literals)
    }

    /// Skips a class after its `[`, nested classes included; fails on a `]` first member.
    private mutating func skipClass() {
        if current == "^" { index += 1 }
        guard current != "]" else { failed = true; return }
        var depth = 1
        while depth > 0 {
            guard let scalar = current else { failed = true; return }
            index += 1
            switch scalar {
            case "\\":
                guard let escaped = current, escaped != "Q" else { failed = true; return }
                index += 1
            case "[":
                if current == "^" { index += 1 }
                guard current != "]" else { failed = true; return }
                depth += 1
            case "]":
                depth -= 1
            default:
                break
            }
        }
    }

    /// A quantifier after an item: its minimum count, and whether there was one.
    private mutating func readQuantifier() -> (minimum: Int, quantified: Bool) {
        guard let scalar = current else { return (1, false) }
        let minimum: Int
        switch scalar {
        case "*", "?":
            index += 1
            minimum = 0
        case "+":
            index += 1
            minimum = 1
        case "{":
            index += 1
            var digits = ""
            while let digit = current, ("0"..."9").contains(digit) {
                digits.unicodeScalars.append(digit)
                index += 1
            }
            guard let count = Int(digits) else { failed = true; return (0, true) }
            while let next = current, next == "," || ("0"..."9").contains(next) { index += 1 }
            guard current == "}" else { failed = true; return (0, true) }
            index += 1
            minimum = count
        default:
            return (1, false)
        }
        if current == "?" || current == "+" { index += 1 }
        return (minimum, true)
    }
}
