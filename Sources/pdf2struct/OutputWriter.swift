import Foundation

/// Writes output files atomically: to a temporary file in the same folder, then renamed over
/// the destination, so an interrupted run never leaves a partial file or replaces a good one.
struct OutputWriter {
    enum Failure: Error, CustomStringConvertible {
        case cannotCreateFolder(String, String)
        case cannotWrite(String, String)

        var description: String {
            switch self {
            case .cannotCreateFolder(let path, let why): return "cannot create output folder \(path): \(why)"
            case .cannotWrite(let path, let why): return "cannot write \(path): \(why)"
            }
        }
    }

    static func ensureFolder(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw Failure.cannotCreateFolder(path, (error as NSError).localizedDescription)
        }
    }

    static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
            if FileManager.default.fileExists(atPath: path) {
                _ = try FileManager.default.replaceItemAt(url, withItemAt: temporary)
            } else {
                try FileManager.default.moveItem(at: temporary, to: url)
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw Failure.cannotWrite(path, (error as NSError).localizedDescription)
        }
    }
}
