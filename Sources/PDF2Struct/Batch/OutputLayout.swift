/// Where a batch writes each input's outputs: `FOLDER/RELATIVE` with a final `.pdf` (any case)
/// dropped and `.json` / `.md` added, so `a/report.pdf` and `b/report.pdf` below a folder argument
/// become `a/report.json` and `b/report.json`. Claims are first come, first served in input
/// order: an input whose outputs an earlier input already claimed fails with
/// `output_collision` instead of overwriting them, the same way in every shard.
public struct OutputLayout: Sendable {
    /// The output folder as given on the command line.
    public var folder: String

    public init(folder: String) {
        self.folder = folder
    }

    /// The output path without extension for an input's relative path.
    public func base(for relativePath: String) -> String {
        let stem = Self.stem(of: relativePath)
        return folder.hasSuffix("/") ? folder + stem : folder + "/" + stem
    }

    /// `2019/report.pdf` → `2019/report`; names without a `.pdf` extension are kept whole.
    public static func stem(of relativePath: String) -> String {
        relativePath.lowercased().hasSuffix(".pdf") && relativePath.count > 4 ? String(relativePath.dropLast(4)) : relativePath
    }

    /// The inputs with a problem set on each one whose outputs an earlier input claimed.
    public func claim(_ inputs: [BatchInput]) -> [BatchInput] {
        var owners: [String: String] = [:]
        return inputs.map { input in
            guard input.problem == nil else { return input }
            let stem = Self.stem(of: input.relativePath)
            if let owner = owners[stem] {
                var refused = input
                refused.problem = ConversionFailure(.outputCollision,
                    "its outputs \(base(for: input.relativePath)).{json,md} are already those of \(owner); "
                        + "give their folders instead (outputs then mirror the paths below a folder)")
                return refused
            }
            owners[stem] = input.path
            return input
        }
    }
}
