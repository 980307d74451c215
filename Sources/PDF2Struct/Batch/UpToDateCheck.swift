import Foundation

/// `--skip-existing`: whether the outputs of a job are up to date. They are when the JSON output
/// records the same input SHA-256 digests (part by part, in order), the generator version and
/// the JSON schema version this run would write, and every other requested output exists. A
/// Markdown-only run has no JSON to read, so there the Markdown must merely be newer than every
/// input. A changed `--config` is not noticed: delete the outputs to redo them.
public struct UpToDateCheck: Sendable {
    public var generatorVersion: String
    public var schemaVersion: String

    public init(generatorVersion: String = PDF2StructVersion.current, schemaVersion: String = JSONExporter.schemaVersion) {
        self.generatorVersion = generatorVersion
        self.schemaVersion = schemaVersion
    }

    /// True when the JSON at `jsonPath` matches the inputs' digests and this run's versions, and
    /// every path in `others` exists.
    public func isUpToDate(jsonPath: String, others: [String], sha256s: [String]) -> Bool {
        guard others.allSatisfy({ FileManager.default.fileExists(atPath: $0) }),
              let data = FileManager.default.contents(atPath: jsonPath),
              let recorded = try? JSONDecoder().decode(RecordedRun.self, from: data) else { return false }
        return recorded.schemaVersion == schemaVersion && recorded.generator.version == generatorVersion
            && recorded.source.parts.map(\.sha256) == sha256s
    }

    /// The fields of a JSON output that say what it was made from and by; decoding only these
    /// skips over the blocks and notes without building them (a whole-document parse was most
    /// of the time of an `--skip-existing` run over up-to-date outputs).
    private struct RecordedRun: Decodable {
        struct Generator: Decodable { var version: String }
        struct Part: Decodable { var sha256: String }
        struct Source: Decodable { var parts: [Part] }
        var schemaVersion: String
        var generator: Generator
        var source: Source

        enum CodingKeys: String, CodingKey {
            case schemaVersion = "schema_version", generator, source
        }
    }

    /// True when `output` exists and was modified after every input.
    public func isNewer(output: String, than inputs: [String]) -> Bool {
        guard let outputDate = Self.modified(output) else { return false }
        return inputs.allSatisfy { Self.modified($0).map { $0 < outputDate } ?? false }
    }

    private static func modified(_ path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }
}
