import Foundation
import Testing
@testable import PDF2Struct

/// The digest recorded as `source.sha256` and compared by `--skip-existing`: the same bytes
/// from the SHA instructions and from the portable code.
@Suite("SHA-256")
struct SHA256Tests {
    private static func hex(_ digest: [UInt8]) -> String {
        digest.map { String(format: "%02x", $0) }.joined()
    }

    @Test("Both ways match the published two-block and million-letter vectors", arguments: [false, true])
    func publishedVectors(accelerated: Bool) throws {
        try #require(!accelerated || SHA256.isAccelerated, "no SHA instructions on this processor")
        let twoBlocks = Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(Self.hex(SHA256.digest(of: twoBlocks, accelerated: accelerated))
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        let million = Data(repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(Self.hex(SHA256.digest(of: million, accelerated: accelerated))
            == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("The SHA instructions give the portable digest for every length and alignment",
          .enabled(if: SHA256.isAccelerated, "no SHA instructions on this processor"))
    func acceleratedMatchesPortable() throws {
        let pdf = try Data(contentsOf: URL(fileURLWithPath: TestSupport.fixture("part2")))
        // Every tail length over the first few blocks, and slices that start off word boundaries.
        for length in 0...300 {
            let slice = pdf[(pdf.startIndex + length % 7)..<(pdf.startIndex + length % 7 + length)]
            #expect(SHA256.digest(of: slice, accelerated: true) == SHA256.digest(of: slice, accelerated: false), "length \(length)")
        }
        #expect(SHA256.digest(of: pdf, accelerated: true) == SHA256.digest(of: pdf, accelerated: false))
    }
}
