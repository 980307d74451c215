/// Pretty-prints a `JSONValue` into a `TextBuffer`: two-space indents, `": "` after keys, one
/// member or element per line, `[]` and `{}` for empty containers.
struct JSONWriter {
    private static let indentUnit = 2
    /// Spaces sliced for every indent; deeper levels are appended in several slices.
    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)
    private static let hexDigits = Array("0123456789abcdef".utf8)

    var out: TextBuffer

    init(capacity: Int) {
        out = TextBuffer(capacity: capacity)
    }

    mutating func write(_ value: JSONValue, indent: Int) {
        switch value {
        case .null: out.append("null")
        case .bool(let b): out.append(b ? "true" : "false")
        case .int(let i): out.append(decimal: i)
        case .number(let d, let decimals): FixedDecimal.append(d.isFinite ? d : 0, decimals: decimals, to: &out)
        case .string(let s): writeString(s)
        case .array(let items):
            guard !items.isEmpty else { out.append("[]"); return }
            out.append("[\n")
            for (i, item) in items.enumerated() {
                writeIndent(indent + 1)
                write(item, indent: indent + 1)
                out.append(i + 1 < items.count ? ",\n" : "\n")
            }
            writeIndent(indent)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else { out.append("{}"); return }
            out.append("{\n")
            for (i, member) in members.enumerated() {
                writeIndent(indent + 1)
                writeString(member.0)
                out.append(": ")
                write(member.1, indent: indent + 1)
                out.append(i + 1 < members.count ? ",\n" : "\n")
            }
            writeIndent(indent)
            out.append(UInt8(ascii: "}"))
        }
    }

    private mutating func writeIndent(_ level: Int) {
        var remaining = level * Self.indentUnit
        Self.spaces.withUnsafeBufferPointer { spaces in
            while remaining > 0 {
                let run = min(remaining, spaces.count)
                out.append(UnsafeBufferPointer(rebasing: spaces[..<run]))
                remaining -= run
            }
        }
    }

    /// A quoted string: `"` and `\` backslashed, newline, return and tab as `\n \r \t`, other
    /// control characters (and DEL) as `\u00XX`; stretches with nothing to escape are copied whole.
    mutating func writeString(_ s: String) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            var start = 0
            for (index, byte) in bytes.enumerated() where Self.needsEscape(byte) {
                if index > start { out.append(bytes[start..<index]) }
                writeEscape(byte)
                start = index + 1
            }
            if bytes.count > start { out.append(bytes[start...]) }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    private mutating func writeEscape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): out.append("\\\"")
        case UInt8(ascii: "\\"): out.append("\\\\")
        case UInt8(ascii: "\n"): out.append("\\n")
        case UInt8(ascii: "\r"): out.append("\\r")
        case UInt8(ascii: "\t"): out.append("\\t")
        default:
            out.append("\\u00")
            out.append(Self.hexDigits[Int(byte >> 4)])
            out.append(Self.hexDigits[Int(byte & 0x0F)])
        }
    }
}
