/// Writes pretty-printed JSON straight into a `TextBuffer`, value by value: two-space indents,
/// `": "` after keys, one member or element per line, `[]` and `{}` for empty containers.
/// Both `JSONValue.serialized()` and `JSONExporter` write through it, so they share one layout.
struct JSONWriter {
    private static let indentUnit = 2
    /// `,` newline and spaces, sliced for the line break and indent before an item: from index 0
    /// after an earlier item, from index 1 (no comma) for the first item or a closing bracket.
    private static let lineBreaks = Array(",\n".utf8) + [UInt8](repeating: UInt8(ascii: " "), count: 64)
    private static let lineBreakPrefix = 2
    private static let hexDigits = Array("0123456789abcdef".utf8)

    private(set) var out: TextBuffer
    /// One entry per open container: whether it has a member or element yet.
    private var containerHasItems: [Bool] = []
    /// A key was just written, so the next value needs no separator of its own.
    private var afterKey = false

    init(capacity: Int) {
        out = TextBuffer(capacity: capacity)
    }

    /// Ends the text with a newline and hands over its UTF-8; the writer is left empty.
    mutating func finish() -> [UInt8] {
        out.append(UInt8(ascii: "\n"))
        return out.takeBytes()
    }

    // MARK: Containers

    mutating func object(_ members: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "{"))
        members(&self)
        close(UInt8(ascii: "}"))
    }

    mutating func array(_ elements: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "["))
        elements(&self)
        close(UInt8(ascii: "]"))
    }

    /// An array with one element written by `element` for each item.
    mutating func array<Items: Sequence>(_ items: Items, _ element: (inout JSONWriter, Items.Element) -> Void) {
        array { writer in
            for item in items { element(&writer, item) }
        }
    }

    /// A key known to need no escaping (a snake_case literal); its value comes next.
    mutating func key(_ name: StaticString) {
        startItem()
        out.append(UInt8(ascii: "\""))
        out.append(name)
        out.append("\": " as StaticString)
        afterKey = true
    }

    /// A key of any text; its value comes next.
    mutating func key(_ name: String) {
        startItem()
        appendQuoted(name)
        out.append(": " as StaticString)
        afterKey = true
    }

    private mutating func open(_ bracket: UInt8) {
        startValue()
        out.append(bracket)
        containerHasItems.append(false)
    }

    private mutating func close(_ bracket: UInt8) {
        if containerHasItems.removeLast() { lineBreak(comma: false, indent: containerHasItems.count) }
        out.append(bracket)
    }

    /// Before a value: the separator and indent of an array element (a member has them from its key).
    private mutating func startValue() {
        if afterKey {
            afterKey = false
        } else if !containerHasItems.isEmpty {
            startItem()
        }
    }

    private mutating func startItem() {
        let depth = containerHasItems.count
        lineBreak(comma: containerHasItems[depth - 1], indent: depth)
        containerHasItems[depth - 1] = true
    }

    /// An optional comma, a newline and the indent of `level`.
    private mutating func lineBreak(comma: Bool, indent level: Int) {
        Self.lineBreaks.withUnsafeBufferPointer { lineBreaks in
            let spaces = lineBreaks.count - Self.lineBreakPrefix
            var remaining = level * Self.indentUnit
            let first = min(remaining, spaces)
            out.append(lineBreaks[(comma ? 0 : 1)..<(Self.lineBreakPrefix + first)])
            remaining -= first
            while remaining > 0 {
                let run = min(remaining, spaces)
                out.append(lineBreaks[Self.lineBreakPrefix..<(Self.lineBreakPrefix + run)])
                remaining -= run
            }
        }
    }

    // MARK: Scalars

    mutating func null() {
        startValue()
        out.append("null" as StaticString)
    }

    mutating func bool(_ value: Bool) {
        startValue()
        out.append(value ? "true" as StaticString : "false")
    }

    mutating func int(_ value: Int) {
        startValue()
        out.append(decimal: value)
    }

    /// The number, or null for nil.
    mutating func int(_ value: Int?) {
        if let value { int(value) } else { null() }
    }

    /// Exactly `decimals` digits after the point; a value that is not finite is written as 0.
    mutating func number(_ value: Double, decimals: Int) {
        startValue()
        FixedDecimal.append(value.isFinite ? value : 0, decimals: decimals, to: &out)
    }

    mutating func string(_ value: String) {
        startValue()
        appendQuoted(value)
    }

    /// The string, or null for nil.
    mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    // MARK: Members with a scalar value

    mutating func member(_ name: StaticString, _ value: String) {
        key(name)
        string(value)
    }

    /// The string, or null for nil.
    mutating func member(_ name: StaticString, _ value: String?) {
        key(name)
        string(value)
    }

    mutating func member(_ name: StaticString, _ value: Int) {
        key(name)
        int(value)
    }

    /// The number, or null for nil.
    mutating func member(_ name: StaticString, _ value: Int?) {
        key(name)
        int(value)
    }

    mutating func member(_ name: StaticString, _ value: Bool) {
        key(name)
        bool(value)
    }

    // MARK: Values of the JSONValue tree

    mutating func value(_ value: JSONValue) {
        switch value {
        case .null: null()
        case .bool(let b): bool(b)
        case .int(let i): int(i)
        case .number(let d, let decimals): number(d, decimals: decimals)
        case .string(let s): string(s)
        case .array(let items): array(items) { $0.value($1) }
        case .object(let members):
            object { writer in
                for (name, member) in members {
                    writer.key(name)
                    writer.value(member)
                }
            }
        }
    }

    // MARK: Strings

    /// A quoted string: `"` and `\` backslashed, newline, return and tab as `\n \r \t`, other
    /// control characters (and DEL) as `\u00XX`; stretches with nothing to escape are copied whole.
    private mutating func appendQuoted(_ s: String) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            var start = 0
            while start < bytes.count {
                let index = Self.nextEscape(in: bytes, from: start)
                if index > start { out.append(bytes[start..<index]) }
                guard index < bytes.count else { break }
                appendEscape(bytes[index])
                start = index + 1
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// The first byte from `start` on that needs an escape, or the end; eight bytes at a time
    /// while none of them does.
    private static func nextEscape(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        let raw = UnsafeRawPointer(bytes.baseAddress!)
        while index + ByteWord.width <= bytes.count {
            let word = ByteWord(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            if word.hasByte(below: 0x20) || word.hasByte(UInt8(ascii: "\"")) || word.hasByte(UInt8(ascii: "\\"))
                || word.hasByte(0x7F) { break }
            index += ByteWord.width
        }
        while index < bytes.count && !needsEscape(bytes[index]) { index += 1 }
        return index
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    private mutating func appendEscape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): out.append("\\\"" as StaticString)
        case UInt8(ascii: "\\"): out.append("\\\\" as StaticString)
        case UInt8(ascii: "\n"): out.append("\\n" as StaticString)
        case UInt8(ascii: "\r"): out.append("\\r" as StaticString)
        case UInt8(ascii: "\t"): out.append("\\t" as StaticString)
        default:
            out.append("\\u00" as StaticString)
            out.append(Self.hexDigits[Int(byte >> 4)])
            out.append(Self.hexDigits[Int(byte & 0x0F)])
        }
    }
}
