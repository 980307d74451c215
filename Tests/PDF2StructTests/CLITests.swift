import Foundation
import Testing

/// The `pdf2struct` binary as users run it: files written, exit statuses, errors.
@Suite("Command line")
struct CLITests {
    let binary = TestSupport.binary

    @Test("Converting a PDF writes NAME.json and NAME.md into a new output folder")
    func writesBothFiles() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("nested/out")
        let result = try TestSupport.run(binary, [TestSupport.fixture("latex-brief"), "-o", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("latex-brief.json").path))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("latex-brief.md").path))
    }

    @Test("--format json writes only the JSON")
    func formatJSONOnly() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try TestSupport.run(binary, [TestSupport.fixture("office-report"), "-o", folder.path, "--format", "json"])
        #expect(result.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["office-report.json"])
    }

    @Test("A missing file fails with its name on stderr, exit 1, while the other inputs are written")
    func missingFileFailsAlone() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = folder.appendingPathComponent("absent.pdf").path
        let result = try TestSupport.run(binary, [missing, TestSupport.fixture("latex-brief"), "-o", folder.path, "-q"])
        #expect(result.status == 1)
        #expect(result.stderr == "pdf2struct: \(missing): no such file\n")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("latex-brief.json").path))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("absent.json").path))
    }

    @Test("A file that is not a PDF fails with exit 1 and leaves no output")
    func notAPDFFails() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = folder.appendingPathComponent("notes.pdf")
        try "just some text\n".write(to: text, atomically: true, encoding: .utf8)
        let result = try TestSupport.run(binary, [text.path, "-o", folder.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("pdf2struct: \(text.path): not a PDF"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("notes.json").path))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("notes.md").path))
    }

    @Test("Usage errors exit with status 2", arguments: [[String](), ["x.pdf", "--format", "docx"], ["--no-such-flag", "x.pdf"]])
    func usageErrors(arguments: [String]) throws {
        let result = try TestSupport.run(binary, arguments)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(!result.stderr.isEmpty)
    }

    @Test("--stdout prints the JSON for pipes")
    func stdoutJSON() throws {
        let result = try TestSupport.run(binary, [TestSupport.fixture("groff-twocol"), "--stdout"])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(object?["schema_version"] as? String == "1.0")
    }

    @Test("--merge writes one document from the two parts, with part numbers on its blocks")
    func mergeParts() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try TestSupport.run(binary, [TestSupport.fixture("part1"), TestSupport.fixture("part2"),
                                                  "--merge", "paper", "-o", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        let data = try Data(contentsOf: folder.appendingPathComponent("paper.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let source = try #require(object["source"] as? [String: Any])
        #expect((source["parts"] as? [Any])?.count == 2)
        #expect(source["page_count"] as? Int == 48)
        let blocks = try #require(object["blocks"] as? [[String: Any]])
        #expect(Set(blocks.compactMap { $0["part"] as? Int }) == [1, 2])
    }

    @Test("Two runs in separate processes give byte-identical files")
    func deterministicAcrossProcesses() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = folder.appendingPathComponent("a"), b = folder.appendingPathComponent("b")
        for out in [a, b] {
            let result = try TestSupport.run(binary, [TestSupport.fixture("part1"), TestSupport.fixture("latex-brief"), "-o", out.path, "-q"])
            #expect(result.status == 0)
        }
        for file in ["part1.json", "part1.md", "latex-brief.json", "latex-brief.md"] {
            #expect(try Data(contentsOf: a.appendingPathComponent(file)) == Data(contentsOf: b.appendingPathComponent(file)), "\(file)")
        }
    }

    @Test("--version and --help answer with exit 0; help shows examples")
    func versionAndHelp() throws {
        let version = try TestSupport.run(binary, ["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
        let help = try TestSupport.run(binary, ["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("Examples:"))
        #expect(help.stdout.contains("--merge"))
    }
}
