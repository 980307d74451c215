/// Escaping for text placed in HTML, in element content and in quoted attribute values.
enum HTMLText {
    /// `&`, `<`, `>`, `"` and `'` as character references; everything else unchanged.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
