extension MarkdownExporter {
    /// The Markdown text as lines joined by newlines, with a final newline: each line is written
    /// piece by piece straight into one buffer.
    struct Lines {
        private var out: TextBuffer
        private(set) var isEmpty = true

        init(capacity: Int) {
            out = TextBuffer(capacity: capacity)
        }

        /// Starts a new line; the pieces appended next belong to it.
        mutating func startLine() {
            if !isEmpty { out.append(UInt8(ascii: "\n")) }
            isEmpty = false
        }

        mutating func appendEmptyLine() { startLine() }

        mutating func append(_ piece: String) { out.append(piece) }

        mutating func append(_ piece: Substring) { out.append(piece) }

        /// Ends the last line and hands over the UTF-8; the lines are left empty.
        mutating func finish() -> [UInt8] {
            out.append(UInt8(ascii: "\n"))
            isEmpty = true
            return out.takeBytes()
        }
    }
}
