import Foundation

/// Decides whether a hyphen at a line end is a break to undo (`capabili-` / `ties`) or a real
/// hyphen to keep (`U.S.-` / `Japan`, `self-` / `defense`). Evidence, strongest first:
/// 1. a capital or digit after the hyphen, a capital, digit or period inside the first part,
///    or a one-letter first part (no typesetter breaks after one letter) means a compound
///    (`post-Cold`, `U.S.-Japan`, `FHS-compliant`, `n-tridecanal`): keep;
/// 2. the document itself: whichever of the joined word and the hyphenated form it prints
///    more often in mid-line wins;
/// 3. a first part that is a common compound prefix (`self`, `well`, `long`…) keeps the hyphen
///    unless the second part is only a word ending (`short-` / `ages`),
///    and so do two long parts the document prints as words of their own while never printing
///    them joined (`information-` / `gathering`);
/// 4. otherwise join: justified text breaks words far more often than it breaks at compounds.
public struct Dehyphenator: Sendable {
    /// Word counts (lower-cased) of words printed whole inside lines, hyphenated compounds included.
    public var vocabulary: [String: Int]

    static let compoundPrefixes: Set<String> = [
        "self", "well", "long", "short", "cross", "half", "all", "full", "high", "low",
        "non", "post", "anti", "quasi", "semi", "first", "second", "third", "one", "two",
        "three", "four", "five", "year", "decision", "policy", "risk", "cost", "peace", "nation", "state",
        "top", "front", "hard", "soft", "far", "near", "large", "small", "open", "broad", "wide",
    ]

    /// Endings that finish a word rather than start one (`short-` / `ages`, `high-` / `ly`):
    /// after a compound prefix they still mean a broken word.
    static let wordEndings: Set<String> = [
        "ages", "age", "ly", "ness", "ment", "ments", "ing", "ings", "er", "ers", "est", "ed", "en", "ened",
        "ening", "ish", "less", "ful", "ity", "ities", "ous", "ward", "wards", "ance", "ence", "ant", "ent",
    ]

    public init(vocabulary: [String: Int] = [:]) {
        self.vocabulary = vocabulary
    }

    /// True when `prefix-` at a line end and `suffix` at the next line's start form one word.
    public func joins(prefix: String, suffix: String) -> Bool {
        let head = Self.trailingWord(prefix)
        let tail = Self.leadingWord(suffix)
        guard let headLast = head.last, headLast.isLetter, let tailFirst = tail.first else { return false }
        if tailFirst.isUppercase || tailFirst.isNumber || !tailFirst.isLetter { return false }
        if head.count == 1 || head.first!.isNumber { return false }
        if head.dropFirst().contains(where: { $0.isUppercase || $0.isNumber || $0 == "." }) { return false }
        let joined = (head + tail).lowercased()
        let hyphenated = (head + "-" + tail).lowercased()
        let joinedCount = vocabulary[joined] ?? 0
        let hyphenatedCount = vocabulary[hyphenated] ?? 0
        if joinedCount != hyphenatedCount { return joinedCount > hyphenatedCount }
        if Self.compoundPrefixes.contains(head.lowercased()) && !Self.wordEndings.contains(tail.lowercased()) { return false }
        let twoWords = head.count >= 6 && tail.count >= 5
            && (vocabulary[head.lowercased()] ?? 0) > 0 && (vocabulary[tail.lowercased()] ?? 0) > 0
        return !twoWords
    }

    /// The last word of a text ending in a hyphen, without the hyphen.
    /// Walks back from the end by characters: the text is a whole composed paragraph so far.
    static func trailingWord(_ text: String) -> String {
        var end = text.endIndex
        while end > text.startIndex {
            let before = text.index(before: end)
            guard "-‐".contains(text[before]) else { break }
            end = before
        }
        var start = end
        while start > text.startIndex {
            let before = text.index(before: start)
            let ch = text[before]
            guard ch.isLetter || ch.isNumber || ch == "." || ch == "'" || ch == "’" else { break }
            start = before
        }
        return String(text[start..<end])
    }

    /// The first word of a text (letters, digits and inner hyphens).
    static func leadingWord(_ text: String) -> String {
        String(text.prefix { $0.isLetter || $0.isNumber || $0 == "-" })
    }

    /// Counts the words of `texts` (split at whitespace, outer punctuation trimmed, lower-cased).
    /// Built once: making this set per word took a fifth of a whole conversion (callgrind).
    private static let punctuationButHyphen = CharacterSet.punctuationCharacters.subtracting(CharacterSet(charactersIn: "-"))
    private static let trimmedPunctuation = ScalarTest { punctuationButHyphen.contains($0) }

    /// The same counts, the texts cut into `threads` stretches counted side by side and then
    /// summed (the dictionary is only ever looked up, so which of two canonically equivalent
    /// spellings keys a word does not matter).
    public static func vocabulary(of texts: [String], threads: Int) -> [String: Int] {
        let stretches = max(1, min(threads, texts.count / minimumTextsPerThread))
        guard stretches > 1 else { return vocabulary(of: texts) }
        let size = (texts.count + stretches - 1) / stretches
        let parts = stride(from: 0, to: texts.count, by: size).map { Array(texts[$0..<min($0 + size, texts.count)]) }
            .concurrentMap(threads: stretches) { vocabulary(of: $0) }
        var counts = parts[0]
        for part in parts.dropFirst() {
            for (word, count) in part { counts[word, default: 0] += count }
        }
        return counts
    }

    /// Below this many texts per thread, counting stays on one thread.
    static let minimumTextsPerThread = 500

    public static func vocabulary(of texts: [String]) -> [String: Int] {
        var counts: [String: Int] = [:]
        var shortWords = ShortWordCounts()
        for text in texts {
            let scanned: Void? = StandaloneScalars.withBytes(of: text) { countWords(inBytes: $0, into: &counts, shortWords: &shortWords) }
            if scanned == nil { countWords(inCharacters: text, into: &counts) }
        }
        counts.reserveCapacity(counts.count + shortWords.count)
        shortWords.forEach { word, count in counts[word, default: 0] += count }
        return counts
    }

    /// The counting over characters, with Foundation's trimming: any text.
    private static func countWords(inCharacters text: String, into counts: inout [String: Int]) {
        for word in text.split(whereSeparator: { $0.isWhitespace }) {
            let trimmed = word.trimmingCharacters(in: punctuationButHyphen)
            guard !trimmed.isEmpty, !trimmed.hasSuffix("-") else { continue }
            counts[trimmed.lowercased(), default: 0] += 1
        }
    }

    /// The same counting over the UTF-8 of a text of standalone scalars (see `StandaloneScalars`),
    /// where each scalar is one character and the trimming is scalar by scalar as in Foundation.
    /// Short ASCII words are counted in `shortWords`, the rest in `counts`.
    private static func countWords(inBytes bytes: UnsafeBufferPointer<UInt8>, into counts: inout [String: Int],
                                   shortWords: inout ShortWordCounts) {
        // The tests are read once here, not once per scalar through their lazy globals.
        let whitespace = ScalarTest.whitespace, trimmedPunctuation = Self.trimmedPunctuation
        var offset = 0
        while offset < bytes.count {
            let (scalar, length) = bytes.scalar(at: offset)
            if whitespace(scalar) {
                offset += length
                continue
            }
            var end = offset + length
            while end < bytes.count {
                let (next, nextLength) = bytes.scalar(at: end)
                if whitespace(next) { break }
                end += nextLength
            }
            var start = offset
            offset = end
            while start < end {
                let (first, firstLength) = bytes.scalar(at: start)
                guard trimmedPunctuation(first) else { break }
                start += firstLength
            }
            while end > start {
                let lastStart = bytes.scalarStart(before: end)
                guard trimmedPunctuation(bytes.scalar(at: lastStart).scalar) else { break }
                end = lastStart
            }
            guard start < end, bytes[end - 1] != UInt8(ascii: "-") else { continue }
            guard bytes.isASCII(start..<end) else {
                counts[bytes.string(start..<end).lowercased(), default: 0] += 1
                continue
            }
            if end - start <= ShortWordCounts.maxLength {
                shortWords.add(bytes, start..<end)
            } else {
                counts[bytes.lowercasedASCII(start..<end), default: 0] += 1
            }
        }
    }
}
