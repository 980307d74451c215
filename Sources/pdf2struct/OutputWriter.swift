import Foundation

/// Writes output files so that no reader ever sees a partial one and a failed write never
/// replaces a good output: every file of a group goes to a hidden temporary file beside its
/// destination (`.NAME.PID.tmp`), and only when all of them are complete are they renamed over
/// their destinations (rename(2) is atomic within a folder). On failure the temporary files are
/// removed and the old outputs stay as they were. Safe for concurrent processes (`make -j`,
/// several shards into one folder): temporary names carry the process id, and folder creation
/// accepts a folder another process made at the same moment.
enum OutputWriter {
    struct Failure: Error, Equatable, CustomStringConvertible {
        var path: String
        var reason: String
        var isFolder: Bool

        var description: String {
            isFolder ? "cannot create output folder \(path): \(reason)" : "cannot write \(path): \(reason)"
        }
    }

    /// Creates `path` and its missing parents (like `mkdir -p`).
    static func ensureFolder(_ path: String) throws(Failure) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            if mkdir(prefix, 0o777) != 0 {
                let code = errno
                var status = stat()
                guard code == EEXIST, stat(prefix, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
                    throw Failure(path: path, reason: code == EEXIST ? "\(prefix) is not a folder" : Self.reason(code), isFolder: true)
                }
            }
            prefix += "/"
        }
    }

    /// Writes one file atomically.
    static func write(_ text: String, to path: String) throws(Failure) {
        try write([(path, Array(text.utf8))])
    }

    /// Writes a group of files (their UTF-8 bytes): all of them, or (on failure) none.
    static func write(_ files: [(path: String, bytes: [UInt8])]) throws(Failure) {
        let pid = getpid()
        var written: [(temporary: String, path: String)] = []
        do throws(Failure) {
            for file in files {
                let temporary = temporaryPath(for: file.path, pid: pid)
                written.append((temporary, file.path))
                try writeFile(file.bytes, to: temporary, reported: file.path)
            }
            for file in written where rename(file.temporary, file.path) != 0 {
                throw Failure(path: file.path, reason: Self.reason(errno), isFolder: false)
            }
        } catch {
            for file in written { unlink(file.temporary) }
            throw error
        }
    }

    /// The hidden temporary file a process with id `pid` writes before renaming it to `path`.
    static func temporaryPath(for path: String, pid: Int32) -> String {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        return "\(folder).\(name).\(pid).tmp"
    }

    private static func writeFile(_ bytes: [UInt8], to temporary: String, reported path: String) throws(Failure) {
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw Failure(path: path, reason: reason(errno), isFolder: false) }
        var failure: Int32 = 0
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                let count = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += count
            }
        }
        if close(descriptor) != 0 && failure == 0 { failure = errno }
        if failure != 0 { throw Failure(path: path, reason: reason(failure), isFolder: false) }
    }

    static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }
}
