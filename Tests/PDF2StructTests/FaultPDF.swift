import Foundation

/// Small, valid PDFs written byte by byte for the fault and hostile-size tests: each builder
/// makes exactly the structure a test needs (no pages, an image only, a million glyphs, a
/// font whose characters map to private-use code points…), with a correct cross-reference
/// table, so that whatever the converter does with them is its own doing.
enum FaultPDF {
    /// A PDF whose objects are `objects` (object 1 must be the catalog), numbered from 1, with
    /// `/Info` pointing at object `info` when given.
    static func document(_ objects: [Data], info: Int? = nil) -> Data {
        var out = Data("%PDF-1.7\n%\u{E2}\u{E3}\n".utf8)
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(out.count)
            out += Data("\(index + 1) 0 obj\n".utf8) + object + Data("\nendobj\n".utf8)
        }
        let xref = out.count
        out += Data("xref\n0 \(objects.count + 1)\n0000000000 65535 f \n".utf8)
        for offset in offsets { out += Data(String(format: "%010d 00000 n \n", offset).utf8) }
        let infoEntry = info.map { " /Info \($0) 0 R" } ?? ""
        out += Data("trailer\n<< /Size \(objects.count + 1) /Root 1 0 R\(infoEntry) >>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        return out
    }

    static func object(_ text: String) -> Data { Data(text.utf8) }

    static func stream(_ content: Data, dictionary: String = "") -> Data {
        Data("<< /Length \(content.count) \(dictionary)>>\nstream\n".utf8) + content + Data("\nendstream".utf8)
    }

    static let catalog = object("<< /Type /Catalog /Pages 2 0 R >>")
    static let helvetica = object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")

    /// One page (object 3) with `content` (object 4), the Helvetica font as /F1 (object 5),
    /// and `extra` objects from 6 on.
    static func onePage(content: Data, mediaBox: String = "0 0 612 792", resources: String = "/Font << /F1 5 0 R >>",
                        font: Data = helvetica, extra: [Data] = [], info: Int? = nil) -> Data {
        document([
            catalog,
            object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            object("<< /Type /Page /Parent 2 0 R /MediaBox [\(mediaBox)] /Resources << \(resources) >> /Contents 4 0 R >>"),
            stream(content), font,
        ] + extra, info: info)
    }

    /// Lines of Helvetica text, 12 points, one per string.
    static func text(_ lines: [String]) -> Data {
        var content = "BT /F1 12 Tf 72 720 Td 14 TL\n"
        for line in lines {
            let escaped = line.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "(", with: "\\(")
                .replacingOccurrences(of: ")", with: "\\)")
            content += "(\(escaped)) Tj T*\n"
        }
        return onePage(content: Data((content + "ET").utf8))
    }

    /// A well-formed PDF whose page tree has no pages.
    static func zeroPages() -> Data {
        document([catalog, object("<< /Type /Pages /Kids [] /Count 0 >>")])
    }

    /// One page painted with a grey image and no text at all, like a scan without OCR.
    static func imageOnly() -> Data {
        let pixels = Data(repeating: 128, count: 64 * 64)
        return onePage(content: Data("q 500 0 0 700 50 50 cm /Im1 Do Q".utf8), resources: "/XObject << /Im1 5 0 R >>",
                       font: stream(pixels, dictionary: "/Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray /BitsPerComponent 8 "))
    }

    /// Text in a font whose ToUnicode map sends every code to a private-use code point: what
    /// a font with no real Unicode mapping gives.
    static func privateUseText() -> Data {
        let cmap = """
            /CIDInit /ProcSet findresource begin 12 dict begin begincmap
            /CMapName /Garbage def /CMapType 2 def
            1 begincodespacerange <00> <FF> endcodespacerange
            1 beginbfrange <41> <5A> <E041> endbfrange
            endcmap CMapName currentdict /CMap defineresource pop end end
            """
        let font = object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>")
        return onePage(content: Data("BT /F1 12 Tf 72 700 Td (ABCDEFG HIJKLMN OPQRST) Tj ET".utf8), font: font,
                       extra: [stream(Data(cmap.utf8))])
    }

    /// `count` pages sharing one content stream and one font.
    static func manyPages(_ count: Int) -> Data {
        let kids = (0..<count).map { "\($0 + 5) 0 R" }.joined(separator: " ")
        var objects = [
            catalog,
            object("<< /Type /Pages /Kids [\(kids)] /Count \(count) >>"),
            stream(Data("BT /F1 12 Tf 72 700 Td (A page of a very long report.) Tj ET".utf8)),
            helvetica,
        ]
        for _ in 0..<count {
            objects.append(object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 3 0 R >>"))
        }
        return document(objects)
    }

    /// One large page holding `lines` × `perLine` glyphs of 10-point text.
    static func denseGlyphs(lines: Int, perLine: Int) -> Data {
        let row = String(repeating: "abcdefghi ", count: max(1, perLine / 10))
        var content = "BT /F1 10 Tf\n"
        content.reserveCapacity(lines * (row.count + 40))
        for line in 0..<lines {
            content += "1 0 0 1 10 " + String(format: "%.2f", 14380 - Double(line) * 14.3) + " Tm (\(row)) Tj\n"
        }
        return onePage(content: Data((content + "ET").utf8), mediaBox: "0 0 \(Int(Double(perLine) * 6) + 40) 14400")
    }

    /// A one-page PDF whose `/Title` and `/Author` are each `length` characters long.
    static func hugeMetadata(length: Int) -> Data {
        let value = String(repeating: "A", count: length)
        return onePage(content: Data("BT /F1 12 Tf 72 700 Td (Hello) Tj ET".utf8),
                       extra: [object("<< /Title (\(value)) /Author (\(value)) >>")], info: 6)
    }

    /// One page and an outline nested `depth` levels deep (each bookmark the only child of the one before).
    static func deepOutline(depth: Int) -> Data {
        var objects = [
            object("<< /Type /Catalog /Pages 2 0 R /Outlines 6 0 R >>"),
            object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"),
            stream(Data("BT /F1 12 Tf 72 700 Td (Deep outline) Tj ET".utf8)),
            helvetica,
            object("<< /Type /Outlines /First 7 0 R /Last 7 0 R /Count \(depth) >>"),
        ]
        for level in 0..<depth {
            let number = 7 + level
            let parent = level == 0 ? 6 : number - 1
            let child = level + 1 < depth ? " /First \(number + 1) 0 R /Last \(number + 1) 0 R /Count 1" : ""
            objects.append(object("<< /Title (Level \(level + 1)) /Parent \(parent) 0 R /Dest [3 0 R /XYZ 0 792 0]\(child) >>"))
        }
        return document(objects)
    }
}
