/// What became of one job of a batch (one output document): converted, skipped as up to date,
/// or failed with a `ConversionFailure`. Invariant: `failure` is set exactly when `status` is
/// `failed`; `outputs` lists the files written (or found up to date), empty on failure.
public struct JobOutcome: Codable, Equatable, Sendable {
    public enum Status: String, Codable, Sendable {
        case converted, skipped, failed
    }

    public var status: Status
    public var failure: ConversionFailure?
    /// Pages in the document (all parts), 0 when it was not opened.
    public var pages: Int
    public var blocks: Int
    public var notes: Int
    /// Warnings to show the user, e.g. that the PDF needs OCR.
    public var warnings: [String]
    public var outputs: [String]
    /// Wall-clock seconds the job took (in the worker, or until it was given up).
    public var seconds: Double

    public init(status: Status, failure: ConversionFailure? = nil, pages: Int = 0, blocks: Int = 0, notes: Int = 0,
                warnings: [String] = [], outputs: [String] = [], seconds: Double = 0) {
        self.status = status
        self.failure = failure
        self.pages = pages
        self.blocks = blocks
        self.notes = notes
        self.warnings = warnings
        self.outputs = outputs
        self.seconds = seconds
    }

    public static func failed(_ failure: ConversionFailure, seconds: Double = 0) -> JobOutcome {
        JobOutcome(status: .failed, failure: failure, seconds: seconds)
    }
}
