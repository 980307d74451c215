import Foundation
import Testing

/// Hostile sizes: each input must end in bounded time and memory — converted, or failed with a
/// clear message when it passes `--timeout` — never a crash or a run that goes on and on (the
/// runner kills the process at its deadline, which fails the test).
@Suite("Faults: hostile sizes")
struct FaultHostileSizeTests {
    private func convert(_ data: Data, name: String, extra: [String] = []) throws -> (BatchTestSupport.Outcome, [String: Any]?) {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent(name + ".pdf")
        try data.write(to: input)
        let out = folder.appendingPathComponent("out")
        let result = try BatchTestSupport.run([input.path, "-o", out.path, "--format", "json", "-q"] + extra, deadline: 300)
        let json = try? Data(contentsOf: out.appendingPathComponent(name + ".json"))
        return (result, json.flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] })
    }

    @Test("Thousands of pages convert, every page counted")
    func thousandsOfPages() throws {
        let (result, object) = try convert(FaultPDF.manyPages(3000), name: "long")
        #expect(!result.timedOut)
        #expect(result.status == 0, "\(result.stderr)")
        #expect((object?["source"] as? [String: Any])?["page_count"] as? Int == 3000)
    }

    @Test("A page of a million glyphs converts within the timeout, or fails cleanly at it")
    func millionGlyphPage() throws {
        let (result, object) = try convert(FaultPDF.denseGlyphs(lines: 1000, perLine: 1000), name: "dense", extra: ["--timeout", "200"])
        #expect(!result.timedOut)
        if result.status == 0 {
            let text = (object?["blocks"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }.joined()
            #expect(text.count >= 900_000, "only \(text.count) characters of about a million came out")
        } else {
            #expect(result.status == 1)
            #expect(result.stderr.contains("gave up after 200 s (--timeout)"), "\(result.stderr)")
            #expect(object == nil)
        }
    }

    @Test("An outline thousands of levels deep converts; the walk stops at its depth bound")
    func deepOutline() throws {
        let (result, object) = try convert(FaultPDF.deepOutline(depth: 5000), name: "deep")
        #expect(result.status == 0, "\(result.stderr)")
        let parts = (object?["source"] as? [String: Any])?["parts"] as? [[String: Any]]
        var depth = 0
        var level = parts?.first?["outline"] as? [[String: Any]] ?? []
        while let first = level.first {
            depth += 1
            level = first["children"] as? [[String: Any]] ?? []
        }
        #expect(depth >= 1 && depth <= 16, "outline depth in the output: \(depth)")
    }

    @Test("Metadata strings of megabytes are cut, and the output says so")
    func enormousMetadata() throws {
        let (result, object) = try convert(FaultPDF.hugeMetadata(length: 8 << 20), name: "meta")
        #expect(result.status == 0, "\(result.stderr)")
        let metadata = (object?["source"] as? [String: Any])?["metadata"] as? [String: Any]
        let title = try #require(metadata?["title"] as? String)
        #expect(title.count == 4096)
        let codes = (object?["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        #expect(codes.contains("metadata_truncated"))
    }

    @Test("A worker over its --memory-limit fails that file alone, saying so")
    func memoryLimit() throws {
        let (result, object) = try convert(FaultPDF.denseGlyphs(lines: 400, perLine: 1000), name: "dense", extra: ["--memory-limit", "40"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("ran out of memory") && result.stderr.contains("--memory-limit"), "\(result.stderr)")
        #expect(object == nil)
    }
}
