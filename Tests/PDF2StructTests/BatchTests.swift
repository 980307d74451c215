import Foundation
import Testing

/// Batch conversion through the binary: inputs from folders and lists, mirrored output names,
/// parallel workers with byte-identical output, up-to-date skipping, shards, progress, report.
@Suite("Batch")
struct BatchTests {
    /// in/a/report.pdf, in/b/report.pdf, in/b/deep/x.pdf, plus a hidden PDF and a non-PDF.
    private func archive() throws -> URL {
        let folder = try TestSupport.temporaryFolder()
        try BatchTestSupport.place([("groff-twocol", "in/a/report.pdf"), ("office-report", "in/b/report.pdf"),
                                    ("latex-brief", "in/b/deep/x.PDF"), ("three-column", "in/.hidden/y.pdf"),
                                    ("part1", "in/.z.pdf")], in: folder)
        try "notes".write(to: folder.appendingPathComponent("in/b/readme.txt"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test("A folder converts every PDF below it, in sorted order, outputs mirroring the paths")
    func folderMirrorsPaths() throws {
        let folder = try archive()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out"), report = folder.appendingPathComponent("r.json")
        let input = folder.appendingPathComponent("in").path + "/"
        let result = try BatchTestSupport.run([input, "-o", out.path, "-q", "--report", report.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(BatchTestSupport.files(in: out) == ["a/report.json", "a/report.md", "b/deep/x.json", "b/deep/x.md",
                                                    "b/report.json", "b/report.md"])
        let files = try BatchTestSupport.report(report)["files"] as? [[String: Any]] ?? []
        #expect(files.compactMap { $0["input"] as? String } == ["a/report.pdf", "b/deep/x.PDF", "b/report.pdf"].map { input + $0 })
        let a = try String(contentsOf: out.appendingPathComponent("a/report.json"), encoding: .utf8)
        #expect(a.contains("\"file_name\": \"report.pdf\""))
    }

    @Test("Two file arguments with the same name: the first converts, the second fails instead of overwriting it")
    func collidingFileArguments() throws {
        let folder = try archive()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        let first = folder.appendingPathComponent("in/a/report.pdf").path, second = folder.appendingPathComponent("in/b/report.pdf").path
        let result = try BatchTestSupport.run([first, second, "-o", out.path, "-q", "--format", "json"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("pdf2struct: \(second): its outputs \(out.path)/report.{json,md} are already those of \(first)"),
                "\(result.stderr)")
        let json = try String(contentsOf: out.appendingPathComponent("report.json"), encoding: .utf8)
        #expect(BatchTestSupport.files(in: out) == ["report.json"])
        #expect(json == (try BatchTestSupport.run([first, "--stdout"]).stdout), "the first input's conversion, untouched")
    }

    @Test("@LIST reads paths one per line, skipping blanks and comments; relative paths are mirrored")
    func listFile() throws {
        let folder = try archive()
        defer { try? FileManager.default.removeItem(at: folder) }
        let list = folder.appendingPathComponent("list.txt")
        try "# reports\n\nin/b/report.pdf\n  ./in/a/../a/report.pdf  \n".write(to: list, atomically: true, encoding: .utf8)
        let result = try BatchTestSupport.run(["@list.txt", "-o", "out", "-q", "--format", "json"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(BatchTestSupport.files(in: folder.appendingPathComponent("out")) == ["in/a/report.json", "in/b/report.json"])
    }

    @Test("Output is byte-identical whatever -j is")
    func identicalAcrossJobs() throws {
        let folder = try archive()
        defer { try? FileManager.default.removeItem(at: folder) }
        try BatchTestSupport.place([("part1", "in/c/part1.pdf"), ("part2", "in/c/part2.pdf")], in: folder)
        let input = folder.appendingPathComponent("in").path
        var trees: [[String: Data]] = []
        for jobs in ["1", "3"] {
            let out = folder.appendingPathComponent("out-\(jobs)")
            let result = try BatchTestSupport.run([input, "-o", out.path, "-q", "-j", jobs])
            #expect(result.status == 0, "\(result.stderr)")
            let files = BatchTestSupport.files(in: out)
            trees.append(Dictionary(uniqueKeysWithValues: try files.map { ($0, try Data(contentsOf: out.appendingPathComponent($0))) }))
        }
        #expect(trees[0].count == 10)
        #expect(trees[0] == trees[1])
    }

    @Test("One long document with -j 3 (its pages extracted by three threads) gives the -j 1 bytes")
    func identicalAcrossPageThreads() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var outputs: [Data] = []
        for jobs in ["1", "3"] {
            let out = folder.appendingPathComponent("out-\(jobs)")
            let result = try BatchTestSupport.run([TestSupport.fixture("part2"), "-o", out.path, "-q", "-j", jobs])
            #expect(result.status == 0, "\(result.stderr)")
            outputs.append(try Data(contentsOf: out.appendingPathComponent("part2.json")) + Data(contentsOf: out.appendingPathComponent("part2.md")))
        }
        #expect(outputs[0] == outputs[1])
    }

    @Test("-j2 is read as -j 2, as make and xargs spell it, and -j0 is refused like -j 0")
    func attachedJobCount() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        let accepted = try BatchTestSupport.run([TestSupport.fixture("groff-twocol"), "-o", out.path, "-q", "-j2"])
        #expect(accepted.status == 0, "\(accepted.stderr)")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("groff-twocol.json").path))
        let refused = try BatchTestSupport.run([TestSupport.fixture("groff-twocol"), "-o", out.path, "-q", "-j0"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--jobs must be at least 1"))
    }

    @Test("--skip-existing skips up-to-date outputs and redoes changed inputs and outputs of another tool version")
    func skipExisting() throws {
        let folder = try archive()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out"), report = folder.appendingPathComponent("r.json")
        let input = folder.appendingPathComponent("in").path
        #expect(try BatchTestSupport.run([input, "-o", out.path, "-q"]).status == 0)
        let again = try BatchTestSupport.run([input, "-o", out.path, "-q", "--skip-existing", "--report", report.path])
        #expect(again.status == 0)
        var object = try BatchTestSupport.report(report)
        #expect(object["skipped"] as? Int == 3 && object["converted"] as? Int == 0)

        // A changed input, an output written by another version, a missing Markdown file.
        try FileManager.default.removeItem(atPath: input + "/a/report.pdf")
        try FileManager.default.copyItem(atPath: TestSupport.fixture("three-column"), toPath: input + "/a/report.pdf")
        let json = out.appendingPathComponent("b/report.json")
        let older = try String(contentsOf: json, encoding: .utf8).replacingOccurrences(of: "\"version\": \"", with: "\"version\": \"0.0.0-")
        try older.write(to: json, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: out.appendingPathComponent("b/deep/x.md"))
        let third = try BatchTestSupport.run([input, "-o", out.path, "-q", "--skip-existing", "--report", report.path])
        #expect(third.status == 0)
        object = try BatchTestSupport.report(report)
        #expect(object["converted"] as? Int == 3, "\(object)")
        let converted = try String(contentsOf: out.appendingPathComponent("a/report.md"), encoding: .utf8)
        let expected = try BatchTestSupport.run([TestSupport.fixture("three-column"), "-o", folder.appendingPathComponent("ref").path, "-q"])
        #expect(expected.status == 0)
        #expect(converted == (try String(contentsOf: folder.appendingPathComponent("ref/three-column.md"), encoding: .utf8)))
    }

    @Test("N shards together convert every input exactly once", arguments: [2, 3, 5])
    func shardsCoverEverything(count: Int) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let names = (1...12).map { "in/\($0 % 3)/doc\($0).pdf" }
        try BatchTestSupport.place(names.map { ("groff-twocol", $0) }, in: folder)
        var seen: [String] = []
        for index in 1...count {
            let report = folder.appendingPathComponent("r\(index).json")
            let result = try BatchTestSupport.run([folder.appendingPathComponent("in").path, "-o", folder.appendingPathComponent("out").path,
                                                   "-q", "--format", "json", "--shard", "\(index)/\(count)", "--report", report.path])
            #expect(result.status == 0, "\(result.stderr)")
            let object = try BatchTestSupport.report(report)
            #expect(object["shard"] as? String == "\(index)/\(count)")
            seen += (object["files"] as? [[String: Any]] ?? []).compactMap { $0["input"] as? String }
        }
        let all = names.map { folder.appendingPathComponent($0).path }
        #expect(seen.sorted() == all.sorted(), "every input exactly once")
        #expect(BatchTestSupport.files(in: folder.appendingPathComponent("out")).count == 12)
    }

    @Test("--progress prints progress lines when standard error is not a terminal; without it nothing extra")
    func progressLines() throws {
        let folder = try archive()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in").path
        let plain = try BatchTestSupport.run([input, "-o", folder.appendingPathComponent("o1").path])
        #expect(!plain.stderr.contains(" files, "), "\(plain.stderr)")
        #expect(plain.stderr.contains("3 converted, 0 skipped, 0 failed"))
        let shown = try BatchTestSupport.run([input, "-o", folder.appendingPathComponent("o2").path, "--progress", "-q"])
        #expect(shown.stderr.contains("pdf2struct: 3/3 files, "), "\(shown.stderr)")
        #expect(shown.stderr.contains("pages/s"))
        let quiet = try BatchTestSupport.run([input, "-o", folder.appendingPathComponent("o3").path, "-q"])
        #expect(quiet.stderr.isEmpty, "\(quiet.stderr)")
    }

    @Test("A folder with no PDFs and bad --shard or --jobs values are reported")
    func badArguments() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let empty = try BatchTestSupport.run([folder.path, "-o", folder.appendingPathComponent("out").path, "-q"])
        #expect(empty.status == 1)
        #expect(empty.stderr.contains("pdf2struct: \(folder.path): no PDF files in this folder"))
        for arguments in [["--shard", "0/3"], ["--shard", "4/3"], ["--shard", "x"], ["-j", "0"], ["--timeout", "-1"]] {
            let result = try BatchTestSupport.run([TestSupport.fixture("groff-twocol")] + arguments)
            #expect(result.status == 2, "\(arguments)")
        }
    }
}
