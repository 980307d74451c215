extension String {
    /// The number of Unicode scalars, counted as the UTF-8 bytes that start one (every byte but
    /// the `10xxxxxx` continuations), without decoding them as `unicodeScalars.count` does.
    /// Poppler's per-character lists and the note offsets of composed text are both in scalars.
    public var unicodeScalarCount: Int {
        var text = self
        return text.withUTF8 { bytes in bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } }
    }
}
