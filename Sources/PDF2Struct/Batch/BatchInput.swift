/// One PDF a batch converts, as found from the command line: the path to read, and the path
/// relative to its input root that its outputs mirror and that `--shard` hashes.
/// Invariant: `relativePath` is non-empty, uses `/`, and has no empty, `.` or `..` components.
public struct BatchInput: Equatable, Sendable {
    /// The path to open and to name in messages (the argument as given, or folder/relative path).
    public var path: String
    /// The path below the input root (for a file argument, its file name).
    public var relativePath: String
    /// Set when the input is known to be unusable before a worker opens it (a folder in a list,
    /// an unreadable list, a folder with no PDFs, an output claimed by an earlier input).
    public var problem: ConversionFailure?

    public init(path: String, relativePath: String, problem: ConversionFailure? = nil) {
        self.path = path
        self.relativePath = relativePath
        self.problem = problem
    }
}
