import PDF2Struct

/// The files a job writes: `BASE.json`, `BASE.md`, or both.
enum OutputKind: String, Codable, Sendable, CaseIterable {
    case json, md
}

/// One job of a batch as the parent hands it to a worker process: a JSON object on one line of
/// the worker's standard input (so a password never shows in a process listing). `parts` are
/// the input paths of one output document, in order (one, or several with `--merge`).
struct WorkerJob: Codable, Sendable {
    var id: Int
    var parts: [String]
    /// The document name recorded in the JSON (`source.file_name` of a merged document).
    var name: String
    /// The output path without extension; the worker adds `.json` / `.md`.
    var outputBase: String
    var formats: [OutputKind]
    var password: String?
    var configPath: String?
    /// Threads the worker may use for the pages of this document.
    var threads: Int
    var skipExisting: Bool

    func outputPath(_ kind: OutputKind) -> String { outputBase + "." + kind.rawValue }

    var outputPaths: [String] { formats.map(outputPath) }
}

/// A worker's answer to a job: one JSON line on its standard output.
struct WorkerReply: Codable, Sendable {
    var id: Int
    var outcome: JobOutcome
}
