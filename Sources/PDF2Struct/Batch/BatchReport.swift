/// The summary of a batch run, for the closing line on standard error and for `--report FILE`:
/// one record per job in input order (whatever order the workers finished in), and the counts.
/// Its JSON is versioned by `reportVersion`; keys are snake_case in a fixed order.
public struct BatchReport: Sendable {
    public static let reportVersion = "1.0"

    /// One job: the input it names (the path, or the `--merge` name) and what became of it.
    public struct Record: Sendable {
        public var input: String
        public var outcome: JobOutcome

        public init(input: String, outcome: JobOutcome) {
            self.input = input
            self.outcome = outcome
        }
    }

    public var records: [Record]
    public var elapsedSeconds: Double
    public var shard: Shard?
    public var interrupted: Bool

    public init(records: [Record], elapsedSeconds: Double, shard: Shard? = nil, interrupted: Bool = false) {
        self.records = records
        self.elapsedSeconds = elapsedSeconds
        self.shard = shard
        self.interrupted = interrupted
    }

    public func count(_ status: JobOutcome.Status) -> Int { records.filter { $0.outcome.status == status }.count }

    public var pages: Int { records.reduce(0) { $0 + $1.outcome.pages } }

    /// `12 converted, 3 skipped, 1 failed`.
    public var countsLine: String {
        "\(count(.converted)) converted, \(count(.skipped)) skipped, \(count(.failed)) failed"
    }

    public func json() -> String {
        JSONValue.object([
            ("report_version", .string(Self.reportVersion)),
            ("generator", .object([("name", .string("pdf2struct")), ("version", .string(PDF2StructVersion.current))])),
            ("shard", .optional(shard?.description)),
            ("interrupted", .bool(interrupted)),
            ("converted", .int(count(.converted))),
            ("skipped", .int(count(.skipped))),
            ("failed", .int(count(.failed))),
            ("pages", .int(pages)),
            ("elapsed_seconds", .number(elapsedSeconds, decimals: 3)),
            ("files", .array(records.map(record))),
        ]).serialized()
    }

    private func record(_ record: Record) -> JSONValue {
        let outcome = record.outcome
        return .object([
            ("input", .string(record.input)),
            ("status", .string(outcome.status.rawValue)),
            ("error_kind", .optional(outcome.failure?.kind.rawValue)),
            ("error", .optional(outcome.failure?.message)),
            ("pages", .int(outcome.pages)),
            ("outputs", .array(outcome.outputs.map(JSONValue.string))),
            ("warnings", .array(outcome.warnings.map(JSONValue.string))),
            ("seconds", .number(outcome.seconds, decimals: 3)),
        ])
    }
}
