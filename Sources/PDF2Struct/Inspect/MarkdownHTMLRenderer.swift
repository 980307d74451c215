import Foundation

/// Turns the Markdown that `MarkdownExporter` writes into HTML, for the inspect page. It knows
/// that subset only: ATX headings, paragraphs (lines joined), `-` and `1.`/`1)` list items,
/// `>` block quotes, GFM footnote definitions `[^label]: text`; inline, backslash escapes,
/// `**strong**`, footnote references `[^label]` and the literal `<sup>…</sup>` the exporter
/// writes for unlinked markers. Any other text, markup included, is escaped, so nothing in a
/// PDF's text can reach the page as HTML.
struct MarkdownHTMLRenderer {
    /// What a top-level piece of the Markdown is.
    enum Kind: Equatable {
        case heading(Int)
        case paragraph
        case bulletItem
        case orderedItem(Int)
        case quote
        case footnote(label: String)

        /// True for the kinds the exporter writes for body blocks (the rest are note definitions).
        var isBlock: Bool {
            if case .footnote = self { return false }
            return true
        }
    }

    /// One top-level piece: its kind and its content as HTML (without the enclosing element).
    struct Element: Equatable {
        var kind: Kind
        var html: String
    }

    /// The top-level pieces of `markdown`, in order.
    func elements(_ markdown: String) -> [Element] {
        var pieces: [(kind: Kind, text: String)] = []
        var open = false
        for rawLine in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(rawLine).trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                open = false
                continue
            }
            if let (kind, text) = Self.start(of: line) {
                if kind == .quote, open, pieces.last?.kind == .quote {
                    pieces[pieces.count - 1].text += " " + text
                } else {
                    pieces.append((kind, text))
                }
                open = true
            } else if open, let last = pieces.last, !Self.isHeading(last.kind) {
                // A lazy continuation line; a heading is always one line.
                pieces[pieces.count - 1].text += " " + line
            } else {
                pieces.append((.paragraph, line))
                open = true
            }
        }
        return pieces.map { Element(kind: $0.kind, html: inline($0.text)) }
    }

    private static func isHeading(_ kind: Kind) -> Bool {
        if case .heading = kind { return true }
        return false
    }

    /// The kind and content of a line that opens a heading, list item, quote or footnote
    /// definition; nil for a plain line.
    private static func start(of line: String) -> (Kind, String)? {
        if let match = line.firstMatch(of: /^(#{1,6})[ \t]+(.*)$/) {
            return (.heading(match.1.count), String(match.2))
        }
        if let match = line.firstMatch(of: /^>[ \t]?(.*)$/) {
            return (.quote, String(match.1))
        }
        if let match = line.firstMatch(of: /^[-*+][ \t]+(.*)$/) {
            return (.bulletItem, String(match.1))
        }
        if let match = line.firstMatch(of: /^([0-9]{1,9})[.)][ \t]+(.*)$/), let number = Int(match.1) {
            return (.orderedItem(number), String(match.2))
        }
        if let match = line.firstMatch(of: /^\[\^([^\]\s]+)\]:[ \t]*(.*)$/) {
            return (.footnote(label: String(match.1)), String(match.2))
        }
        return nil
    }

    /// Inline Markdown as HTML.
    func inline(_ text: String) -> String {
        let characters = Array(text)
        var out = ""
        var strong = false
        var i = 0
        func at(_ index: Int, _ literal: String) -> Bool {
            let wanted = Array(literal)
            return index + wanted.count <= characters.count && Array(characters[index..<(index + wanted.count)]) == wanted
        }
        while i < characters.count {
            let character = characters[i]
            if character == "\\", i + 1 < characters.count, characters[i + 1].isASCII,
               characters[i + 1].isPunctuation || characters[i + 1].isSymbol {
                out += HTMLText.escape(String(characters[i + 1]))
                i += 2
            } else if at(i, "**"), strong || Self.closingStrong(in: characters, after: i + 2) {
                out += strong ? "</strong>" : "<strong>"
                strong.toggle()
                i += 2
            } else if at(i, "[^"), let close = characters[(i + 2)...].firstIndex(of: "]"), close > i + 2,
                      !characters[(i + 2)..<close].contains(where: \.isWhitespace) {
                let label = String(characters[(i + 2)..<close])
                out += "<sup class=\"fnref\"><a href=\"#fn-\(HTMLText.escape(label))\">\(HTMLText.escape(label))</a></sup>"
                i = close + 1
            } else if at(i, "<sup>") {
                out += "<sup class=\"unlinked\" title=\"marker with no note\">"
                i += 5
            } else if at(i, "</sup>") {
                out += "</sup>"
                i += 6
            } else {
                out += HTMLText.escape(String(character))
                i += 1
            }
        }
        if strong { out += "</strong>" }
        return out
    }

    /// True when an unescaped `**` follows `start`.
    private static func closingStrong(in characters: [Character], after start: Int) -> Bool {
        var j = start
        while j + 1 < characters.count {
            if characters[j] == "\\" { j += 2; continue }
            if characters[j] == "*", characters[j + 1] == "*" { return true }
            j += 1
        }
        return false
    }

    /// The elements as HTML, consecutive list items of one kind in one list, footnote
    /// definitions in one section. `ids[i]`, when given, becomes element i's `data-id` and its
    /// `id` is `md-` followed by it, so that the page can link it to its boxes.
    func html(_ elements: [Element], ids: [String?]) -> String {
        var out: [String] = []
        var openList: String? = nil
        var inNotes = false
        func closeList() {
            if let list = openList { out.append("</\(list)>") }
            openList = nil
        }
        for (index, element) in elements.enumerated() {
            let id = index < ids.count ? ids[index] : nil
            let attributes = id.map { " data-id=\"\(HTMLText.escape($0))\" id=\"md-\(HTMLText.escape($0))\"" } ?? ""
            let list: String?
            switch element.kind {
            case .bulletItem: list = "ul"
            case .orderedItem: list = "ol"
            default: list = nil
            }
            if list != openList { closeList() }
            if let list, openList == nil {
                out.append("<\(list)>")
                openList = list
            }
            switch element.kind {
            case .heading(let level):
                out.append("<h\(level)\(attributes)>\(element.html)</h\(level)>")
            case .paragraph:
                out.append("<p\(attributes)>\(element.html)</p>")
            case .quote:
                out.append("<blockquote\(attributes)><p>\(element.html)</p></blockquote>")
            case .bulletItem:
                out.append("<li\(attributes)>\(element.html)</li>")
            case .orderedItem(let number):
                out.append("<li value=\"\(number)\"\(attributes)>\(element.html)</li>")
            case .footnote(let label):
                if !inNotes {
                    out.append("<section class=\"footnotes\">")
                    inNotes = true
                }
                let label = HTMLText.escape(label)
                out.append("<div class=\"footnote\"\(attributes)><span class=\"fnlabel\" id=\"fn-\(label)\">\(label)</span> \(element.html)</div>")
            }
        }
        closeList()
        if inNotes { out.append("</section>") }
        return out.joined(separator: "\n")
    }
}
