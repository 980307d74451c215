import Foundation
import PDF2Struct
import Testing

/// The library side of batches, without processes: input collection, output names, shards,
/// the cross-reference check, the metadata cap and the up-to-date check.
@Suite("Batch planning")
struct BatchPlanningTests {
    @Test("Shards parse K/N and split any set of paths into N disjoint parts covering all")
    func shardsPartition() throws {
        #expect(Shard("3/8") == Shard(index: 3, count: 8))
        for text in ["0/8", "9/8", "1/0", "a/b", "3", "1/2/3", ""] { #expect(Shard(text) == nil, "\(text)") }
        let paths = (0..<2000).map { "archive/\($0 / 100)/report-\($0).pdf" }
        for count in [1, 2, 7, 16] {
            let shards = (1...count).map { Shard(index: $0, count: count)! }
            for path in paths { #expect(shards.filter { $0.contains(path) }.count == 1) }
            let sizes = shards.map { shard in paths.filter(shard.contains).count }
            #expect(sizes.allSatisfy { $0 > paths.count / count / 2 }, "uneven shards: \(sizes)")
        }
    }

    @Test("A shard depends only on the relative path (FNV-1a 64, stable across releases)")
    func shardIsStable() {
        // FNV-1a 64 of "a.pdf" is 0xa27e24b56b97e31c (computed with Python), which is 3 mod 5.
        #expect(Shard(index: 4, count: 5)!.contains("a.pdf"))
        #expect(!Shard(index: 3, count: 5)!.contains("a.pdf"))
    }

    @Test("Output names drop .pdf in any case and mirror the relative path")
    func outputNames() {
        let layout = OutputLayout(folder: "out/")
        #expect(layout.base(for: "2019/report.PDF") == "out/2019/report")
        #expect(OutputLayout(folder: "out").base(for: "x.pdf") == "out/x")
        #expect(OutputLayout.stem(of: "notes.txt") == "notes.txt")
        #expect(OutputLayout.stem(of: ".pdf") == ".pdf")
    }

    @Test("A later input claiming an earlier one's outputs fails with output_collision")
    func collisions() {
        let inputs = [BatchInput(path: "a/r.pdf", relativePath: "r.pdf"), BatchInput(path: "b/r.PDF", relativePath: "r.PDF"),
                      BatchInput(path: "c/s.pdf", relativePath: "s.pdf")]
        let claimed = OutputLayout(folder: "out").claim(inputs)
        #expect(claimed.map { $0.problem?.kind } == [nil, .outputCollision, nil])
    }

    @Test("Collecting a folder: recursive, sorted in byte order, hidden entries and non-PDFs skipped, same file once")
    func collectFolder() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for path in ["b.pdf", "B.pdf", "a/z.pdf", "a/.h.pdf", ".x/y.pdf", "c.txt", "d.Pdf"] {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("%PDF-1.4\n".utf8).write(to: url)
        }
        let inputs = InputCollector().collect([folder.path, folder.appendingPathComponent("b.pdf").path])
        #expect(inputs.map(\.relativePath) == ["B.pdf", "a/z.pdf", "b.pdf", "d.Pdf"])
        #expect(inputs.allSatisfy { $0.problem == nil })
        #expect(inputs[1].path == folder.path + "/a/z.pdf")
    }

    @Test("List entries mirror relative paths as written, else their file names; folders in a list fail")
    func collectList() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let list = folder.appendingPathComponent("l.txt")
        try "# c\n./x/./y.pdf\n../up.pdf\n/abs/z.pdf\n\(folder.path)\n\n".write(to: list, atomically: true, encoding: .utf8)
        let inputs = InputCollector().collect(["@" + list.path, "@" + folder.appendingPathComponent("none.txt").path])
        #expect(inputs.map(\.relativePath).prefix(3) == ["x/y.pdf", "up.pdf", "z.pdf"])
        #expect(inputs[3].problem?.kind == .notAFile)
        #expect(inputs[4].problem?.kind == .fileNotFound)
        #expect(inputs.count == 5)
    }

    @Test("The cross-reference check accepts every fixture and finds each kind of damage")
    func crossReferenceCheck() throws {
        let check = CrossReferenceCheck()
        for name in TestSupport.fixtureNames {
            let data = try Data(contentsOf: URL(fileURLWithPath: TestSupport.fixture(name)))
            #expect(check.problem(in: data) == nil, "\(name): \(check.problem(in: data) ?? "")")
        }
        let good = FaultPDF.text(["Hello"])
        #expect(check.problem(in: good) == nil)
        let text = String(decoding: good, as: UTF8.self)
        let offset = try #require(text.components(separatedBy: "startxref\n").last?.split(separator: "\n").first.flatMap { Int($0) })
        func damaged(_ transform: (String) -> String) -> String? { check.problem(in: Data(transform(text).utf8)) }
        #expect(damaged { $0.replacingOccurrences(of: "startxref\n\(offset)", with: "startxref\n\(offset + 7)") }?.contains("no cross-reference table") == true)
        #expect(damaged { $0.replacingOccurrences(of: "startxref\n\(offset)", with: "startxref\n99999999") }?.contains("beyond the end") == true)
        #expect(damaged { $0.replacingOccurrences(of: "startxref", with: "startxrex") } == "no startxref at the end of the file")
        // An entry pointing into the middle of another object.
        #expect(damaged { $0.replacingOccurrences(of: "0000000015 00000 n", with: "0000000017 00000 n") }?.contains("object 1") == true)
    }

    @Test("Metadata longer than the cap is cut to it, with one diagnostic per part")
    func metadataLimit() throws {
        let pipeline = Pipeline()
        var document = try pipeline.convert([Pipeline.Input(fileName: "m.pdf", data: FaultPDF.hugeMetadata(length: 10_000))])
        MetadataLimit(maxScalars: 100).apply(to: &document)
        #expect(document.sources[0].info.title?.count == 100)
        #expect(document.sources[0].info.author?.count == 100)
        #expect(document.diagnostics.filter { $0.code == MetadataLimit.diagnosticCode }.count == 1)
        var short = try pipeline.convert([Pipeline.Input(fileName: "m.pdf", data: FaultPDF.hugeMetadata(length: 50))])
        MetadataLimit(maxScalars: 100).apply(to: &short)
        #expect(short.diagnostics.allSatisfy { $0.code != MetadataLimit.diagnosticCode })
    }

    @Test("Outputs are up to date only for the same digests, generator and schema versions, with every output present")
    func upToDate() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = try Data(contentsOf: URL(fileURLWithPath: TestSupport.fixture("groff-twocol")))
        let document = try Pipeline().convert([Pipeline.Input(fileName: "g.pdf", data: data)])
        let json = folder.appendingPathComponent("g.json"), md = folder.appendingPathComponent("g.md")
        try JSONExporter().export(document, name: "g").write(to: json, atomically: true, encoding: .utf8)
        let digest = SHA256.hex(of: data)
        let check = UpToDateCheck()
        #expect(check.isUpToDate(jsonPath: json.path, others: [], sha256s: [digest]))
        #expect(!check.isUpToDate(jsonPath: json.path, others: [md.path], sha256s: [digest]))
        #expect(!check.isUpToDate(jsonPath: json.path, others: [], sha256s: [String(repeating: "0", count: 64)]))
        #expect(!UpToDateCheck(generatorVersion: "9.9.9").isUpToDate(jsonPath: json.path, others: [], sha256s: [digest]))
        #expect(!UpToDateCheck(schemaVersion: "0.1").isUpToDate(jsonPath: json.path, others: [], sha256s: [digest]))
        // Rewritten by another tool (keys sorted, no indentation) it still counts; cut short or
        // not JSON at all it does not.
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: json))
        let rewritten = folder.appendingPathComponent("sorted.json")
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]).write(to: rewritten)
        #expect(check.isUpToDate(jsonPath: rewritten.path, others: [], sha256s: [digest]))
        let cut = folder.appendingPathComponent("cut.json")
        try Data(contentsOf: json).prefix(2000).write(to: cut)
        #expect(!check.isUpToDate(jsonPath: cut.path, others: [], sha256s: [digest]))
        try Data("not json".utf8).write(to: cut)
        #expect(!check.isUpToDate(jsonPath: cut.path, others: [], sha256s: [digest]))
    }

    @Test("An input hashed for the up-to-date check carries that digest into the output's source record")
    func inputDigestIsReused() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: TestSupport.fixture("groff-twocol")))
        var input = Pipeline.Input(fileName: "g.pdf", data: data)
        let digest = input.sha256
        #expect(digest == SHA256.hex(of: data))
        #expect(digest.count == 64)
        let document = try Pipeline().convert([input])
        #expect(document.sources.map(\.sha256) == [digest])
    }
}
