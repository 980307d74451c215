import Foundation
import Testing
@testable import PDF2Struct

/// The byte-level paths of the exporters give what the slower definitions they replaced give.
extension ExportTests {
    @Test("Fixed decimals match String(format:), ties to even, no minus on a zero")
    func fixedDecimalsMatchFormat() {
        var values: [Double] = [0, -0.0, 0.005, -0.005, 0.015, 0.125, 0.375, -0.125, 2.5, -2.5, 1.005, 99.995,
                                72.123456, 1e-300, -1e-300, 0x1p52 - 1, 0x1p52, 1e300]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            values.append(Double(Int64(bitPattern: state) >> 20) / 4096)
        }
        for value in values {
            for decimals in 0...4 {
                var out = TextBuffer()
                FixedDecimal.append(value, decimals: decimals, to: &out)
                #expect(out.text == FixedDecimal.formatted(value, decimals: decimals), "\(value) with \(decimals) decimals")
            }
        }
    }

    @Test("A text buffer holds exactly the pieces appended, past the room it reserved")
    func textBufferHoldsWhatWasAppended() {
        var out = TextBuffer(capacity: 10)
        var expected: [UInt8] = []
        var state: UInt64 = 12_345
        for step in 0..<3_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            // Lengths around the short-piece limit, and now and then one longer than a growth step.
            let length = step % 500 == 0 ? 70_000 + step : Int(state >> 58)
            let piece = (0..<length).map { UInt8(ascii: "a") + UInt8(($0 + step) % 26) }
            switch step % 4 {
            case 0: piece.withUnsafeBufferPointer { out.append($0) }
            case 1: out.append(String(decoding: piece, as: UTF8.self))
            case 2:
                out.append(UInt8(ascii: "#"))
                expected.append(UInt8(ascii: "#"))
                piece.withUnsafeBufferPointer { out.append($0[...]) }
            default:
                out.append(digitsOf: UInt(state >> 40), minimumCount: 9)
                expected += Array(String(UInt(state >> 40)).utf8).leftPadded(to: 9)
                continue
            }
            expected += piece
        }
        #expect(out.count == expected.count)
        #expect(out.takeBytes() == expected)
        #expect(out.isEmpty && out.takeBytes().isEmpty)
    }

    @Test("JSON escapes DEL and other control bytes as \\u00xx, and passes non-ASCII through")
    func jsonEscapesControlBytes() {
        #expect(JSONValue.string("\u{7F}\u{1F}\tü…").serialized() == "\"\\u007f\\u001f\\tü…\"\n")
        #expect(JSONValue.string(String(repeating: "clean text ", count: 3) + "\"").serialized()
                == "\"clean text clean text clean text \\\"\"\n")
    }

    @Test("The UTF-8 exports are the bytes of the String exports")
    func utf8ExportsMatchStrings() {
        let document = Self.document()
        #expect(JSONExporter().exportUTF8(document, name: "x") == Array(JSONExporter().export(document, name: "x").utf8))
        #expect(MarkdownExporter().exportUTF8(document) == Array(MarkdownExporter().export(document).utf8))
    }

    @Test("Markdown escapes follow Character rules: combining marks, U+1FEF, list numbers")
    func markdownEscapesFollowCharacters() {
        #expect(MarkdownExporter.escapeInline("a*b_c") == "a\\*b\\_c")
        #expect(MarkdownExporter.escapeInline("*\u{301} and [x]") == "*\u{301} and \\[x\\]")
        #expect(MarkdownExporter.escapeInline("\u{1FEF}*") == "\\\u{1FEF}\\*")
        #expect(MarkdownExporter.escapeInline("no markup \u{1FEF}") == "no markup \u{1FEF}")
        #expect(MarkdownExporter.escapeLineStart("3) three") == "3\\) three")
        #expect(MarkdownExporter.escapeLineStart("12.") == "1\\2.")
        #expect(MarkdownExporter.escapeLineStart("#\u{301} accent") == "#\u{301} accent")
        #expect(MarkdownExporter.escapeLineStart("1234567890. ten digits") == "1234567890. ten digits")
    }

    @Test("SHA-256 over several blocks and of a slice of Data")
    func sha256OfBlocksAndSlices() {
        let data = Data((0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        #expect(SHA256.hex(of: data) == "5097e7d587352f5097062ae679f37bda5802d9f875aba14c8cb4d1a188ada179")
        #expect(SHA256.hex(of: data[3..<122]) == "5881a0a049e8444a62f8075b6c96efc8c90c09802637c25b5cf510361dc1092f")
    }
}

private extension Array where Element == UInt8 {
    /// The digits with zeros in front, up to `count` bytes.
    func leftPadded(to count: Int) -> [UInt8] {
        [UInt8](repeating: UInt8(ascii: "0"), count: Swift.max(0, count - self.count)) + self
    }
}
