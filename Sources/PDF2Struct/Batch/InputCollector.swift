import Foundation

/// Expands command-line arguments into the PDFs a batch converts, in a stable order:
/// - `FILE` stands for itself; its outputs are named by its file name (`a/report.pdf` →
///   `report`).
/// - `FOLDER` stands for every `*.pdf` below it (any case of the extension), recursively, sorted
///   by relative path in byte order; hidden entries (names starting with `.`) are skipped and
///   symbolic links to folders are not followed. Outputs mirror the path below the folder
///   (`FOLDER/2019/report.pdf` → `2019/report`).
/// - `@LIST` stands for the paths in the text file LIST, one per line (blank lines and lines
///   starting with `#` skipped), relative to the current folder. Outputs mirror a relative
///   path as written (`./` and `x/..` removed); an absolute path, or one that climbs out of the
///   current folder, is named by its file name. A list names files: a folder in it fails.
///
/// Never fails as a whole: a bad argument becomes an input whose `problem` says why, so it is
/// reported, counted and sharded like the others. The same file reached twice (same resolved
/// path) is kept once, at its first place.
public struct InputCollector: Sendable {
    public init() {}

    public func collect(_ arguments: [String]) -> [BatchInput] {
        var inputs: [BatchInput] = []
        var seen = Set<String>()
        func add(_ input: BatchInput) {
            if input.problem == nil {
                let identity = Self.resolvedPath(input.path)
                guard seen.insert(identity).inserted else { return }
            }
            inputs.append(input)
        }
        for argument in arguments {
            if argument.hasPrefix("@") && argument.count > 1 {
                listed(in: String(argument.dropFirst()), argument: argument).forEach(add)
            } else if Self.isFolder(argument) {
                folder(argument).forEach(add)
            } else {
                add(BatchInput(path: argument, relativePath: Self.fileName(of: argument)))
            }
        }
        return inputs
    }

    private func folder(_ argument: String) -> [BatchInput] {
        let root = argument.count > 1 && argument.hasSuffix("/") ? String(argument.dropLast()) : argument
        var found: [String] = []
        walk(root, relative: "", into: &found)
        found.sort { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        guard !found.isEmpty else {
            return [BatchInput(path: argument, relativePath: Self.fileName(of: root),
                               problem: ConversionFailure(.noPDFs, "no PDF files in this folder"))]
        }
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return found.map { BatchInput(path: prefix + $0, relativePath: $0) }
    }

    private func walk(_ root: String, relative: String, into found: inout [String]) {
        let folder = relative.isEmpty ? root : root + "/" + relative
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for entry in entries where !entry.hasPrefix(".") {
            let path = relative.isEmpty ? entry : relative + "/" + entry
            var status = stat()
            guard lstat(root + "/" + path, &status) == 0 else { continue }
            switch status.st_mode & S_IFMT {
            case S_IFDIR:
                walk(root, relative: path, into: &found)
            case S_IFREG, S_IFLNK:
                if entry.lowercased().hasSuffix(".pdf"), !Self.isFolder(root + "/" + path) { found.append(path) }
            default:
                continue
            }
        }
    }

    private func listed(in list: String, argument: String) -> [BatchInput] {
        let text: String
        do {
            text = try String(contentsOfFile: list, encoding: .utf8)
        } catch {
            let kind: ConversionFailure.Kind = FileManager.default.fileExists(atPath: list) ? .unreadable : .fileNotFound
            return [BatchInput(path: argument, relativePath: Self.fileName(of: list),
                               problem: ConversionFailure(kind, kind == .fileNotFound ? "no such list file" : "cannot read the list file"))]
        }
        return text.split(whereSeparator: \.isNewline).compactMap { raw in
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#") else { return nil }
            if Self.isFolder(line) {
                return BatchInput(path: line, relativePath: Self.mirroredPath(line),
                                  problem: ConversionFailure(.notAFile, "is a folder, but \(argument) must name PDF files"))
            }
            return BatchInput(path: line, relativePath: Self.mirroredPath(line))
        }
    }

    /// A relative path with `.`, empty and `x/..` components removed; the file name when the
    /// path is absolute or climbs above its start.
    static func mirroredPath(_ path: String) -> String {
        guard !path.hasPrefix("/") else { return fileName(of: path) }
        var parts: [Substring] = []
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            if component == "." { continue }
            if component == ".." {
                guard !parts.isEmpty else { return fileName(of: path) }
                parts.removeLast()
                continue
            }
            parts.append(component)
        }
        return parts.isEmpty ? fileName(of: path) : parts.joined(separator: "/")
    }

    /// The last component of `path` (`input` for a path that has none).
    public static func fileName(of path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? ""
        return name.isEmpty || name == "." || name == ".." ? "input" : name
    }

    static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    private static func resolvedPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
