import Foundation
import Testing
@testable import PDF2Struct

/// Golden regression tests: every fixture (and the merged paper) against committed expected
/// JSON and Markdown. Re-record after review with `make regress-update`.
@Suite("Golden outputs", .serialized)
struct GoldenTests {
    static let recording = ProcessInfo.processInfo.environment["PDF2STRUCT_RECORD_GOLDEN"] == "1"

    @Test("Each fixture converts to its committed JSON and Markdown", arguments: TestSupport.outputNames)
    func matchesGolden(name: String) throws {
        let document = try TestSupport.convert(name)
        let outputs = [("json", JSONExporter().export(document, name: name)), ("md", MarkdownExporter().export(document))]
        for (ext, actual) in outputs {
            let url = TestSupport.expected.appendingPathComponent("\(name).\(ext)")
            if Self.recording {
                try FileManager.default.createDirectory(at: TestSupport.expected, withIntermediateDirectories: true)
                try actual.write(to: url, atomically: true, encoding: .utf8)
                continue
            }
            let expected = try? String(contentsOf: url, encoding: .utf8)
            try #require(expected != nil, "no golden file \(url.path): run `make regress-update` and review it")
            if expected != actual {
                let diff = try TestSupport.diff(expected: expected!, actual: actual, label: "\(name).\(ext)")
                Issue.record("\(name).\(ext) differs from its golden file (re-record with `make regress-update` if intended):\n\(diff)")
            }
        }
    }
}

/// Accuracy floors: each fixture is scored against its truth with the shared scorer, and
/// every metric must stay at or above the floor committed in `fixtures/accuracy-floors.json`,
/// so a change that makes output worse fails even if someone re-records the goldens.
@Suite("Accuracy against truth")
struct AccuracyTests {
    static var floors: [String: [String: Double]] {
        let url = TestSupport.fixtures.appendingPathComponent("accuracy-floors.json")
        guard let data = try? Data(contentsOf: url),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: [String: Double]] else { return [:] }
        return object
    }

    static var scoredNames: [String] {
        TestSupport.outputNames.filter {
            FileManager.default.fileExists(atPath: TestSupport.fixtures.appendingPathComponent("\($0).truth.json").path)
        }
    }

    @Test("Every fixture with a truth file has committed floors")
    func everyTruthHasFloors() {
        #expect(Set(Self.scoredNames).isSubset(of: Set(Self.floors.keys)), "missing floors for \(Set(Self.scoredNames).subtracting(Self.floors.keys))")
    }

    @Test("Scores stay at or above their floors", arguments: scoredNames)
    func scoresAboveFloors(name: String) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = try TestSupport.convert(name)
        let md = folder.appendingPathComponent("\(name).md"), json = folder.appendingPathComponent("\(name).json")
        try MarkdownExporter().export(document).write(to: md, atomically: true, encoding: .utf8)
        try JSONExporter().export(document, name: name).write(to: json, atomically: true, encoding: .utf8)
        let truth = TestSupport.fixtures.appendingPathComponent("\(name).truth.json")
        let result = try TestSupport.runTool("python3", [TestSupport.scorer.path, truth.path, md.path, "--json", json.path])
        try #require(result.status == 0, "scorer failed: \(result.stderr)")
        let scores = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        for (metric, floor) in Self.floors[name] ?? [:] {
            if metric == "furniture_leaks" {
                let leaks = scores[metric] as? Int ?? Int.max
                #expect(Double(leaks) <= floor, "\(name): furniture_leaks \(leaks) > \(floor)")
            } else {
                let value = scores[metric] as? Double ?? -1
                #expect(value >= floor, "\(name): \(metric) \(value) fell below its floor \(floor)")
            }
        }
    }
}

/// What every output must satisfy whatever the fixture: valid against the published schema,
/// byte-identical when converted again, and Markdown whose footnotes pandoc resolves.
@Suite("Output contracts")
struct OutputContractTests {
    @Test("Every JSON output validates against the published schema", arguments: TestSupport.outputNames)
    func validatesAgainstSchema(name: String) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = folder.appendingPathComponent("\(name).json")
        try JSONExporter().export(try TestSupport.convert(name), name: name).write(to: json, atomically: true, encoding: .utf8)
        let script = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        jsonschema.Draft202012Validator.check_schema(schema)
        jsonschema.Draft202012Validator(schema).validate(json.load(open(sys.argv[2])))
        """
        let result = try TestSupport.runTool("python3", ["-c", script, TestSupport.schema.path, json.path])
        #expect(result.status == 0, "\(name).json does not validate:\n\(result.stderr)")
    }

    @Test("Converting twice gives identical output", arguments: ["latex-brief", "groff-twocol"])
    func deterministic(name: String) throws {
        let a = try TestSupport.convert(name), b = try TestSupport.convert(name)
        #expect(JSONExporter().export(a, name: name) == JSONExporter().export(b, name: name))
        #expect(MarkdownExporter().export(a) == MarkdownExporter().export(b))
    }

    @Test("pandoc -f gfm resolves every footnote reference", arguments: TestSupport.outputNames)
    func pandocResolvesFootnotes(name: String) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = try TestSupport.convert(name)
        let md = folder.appendingPathComponent("\(name).md")
        try MarkdownExporter().export(document).write(to: md, atomically: true, encoding: .utf8)
        let result = try TestSupport.runTool("pandoc", ["-f", "gfm", "-t", "html", md.path])
        try #require(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("[^"), "\(name): an unresolved footnote reference is left in pandoc's output")
        let linkedReferences = document.blocks.flatMap(\.references).filter { $0.noteID != nil }.count
        let pandocReferences = result.stdout.components(separatedBy: "class=\"footnote-ref\"").count - 1
        #expect(pandocReferences == linkedReferences, "\(name): \(pandocReferences) footnote links, \(linkedReferences) linked markers")
    }
}
