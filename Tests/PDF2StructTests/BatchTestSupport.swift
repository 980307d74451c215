import Foundation
import Testing

/// What the batch and fault tests share: running the binary with a deadline (a hang fails the
/// test instead of stalling the suite), extra environment and, for permission cases, as an
/// unprivileged user; and making folders of inputs.
enum BatchTestSupport {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
        var timedOut: Bool
    }

    /// Runs the `pdf2struct` binary with no standard input; kills it after `deadline` seconds.
    static func run(_ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil,
                    deadline: Double = 240, whileRunning: ((Process) -> Void)? = nil) throws -> Outcome {
        try runProgram(TestSupport.binary, arguments, environment: environment, in: directory, deadline: deadline, whileRunning: whileRunning)
    }

    /// Runs `executable` with no standard input; kills it after `deadline` seconds.
    static func runProgram(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                           in directory: URL? = nil, deadline: Double = 240, whileRunning: ((Process) -> Void)? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("stdout"), errURL = folder.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        whileRunning?(process)
        let limit = Date().addingTimeInterval(deadline)
        var timedOut = false
        while process.isRunning {
            if Date() > limit {
                timedOut = true
                kill(process.processIdentifier, SIGKILL)
                break
            }
            usleep(20_000)
        }
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Outcome(status: process.terminationStatus,
                       stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                       stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self), timedOut: timedOut)
    }

    /// A fresh folder the unprivileged user can use too (mode 0777).
    static func sharedFolder() throws -> URL {
        let folder = try TestSupport.temporaryFolder()
        chmod(folder.path, 0o777)
        return folder
    }

    /// The command prefix that runs a program as an unprivileged user: nothing when the tests
    /// already run unprivileged, `setpriv` to user `nobody` when they run as root (root reads
    /// and writes through any permission, which would make the permission cases vacuous).
    static var unprivilegedPrefix: [String] {
        getuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
    }

    /// Runs the binary as an unprivileged user.
    static func runUnprivileged(_ arguments: [String]) throws -> Outcome {
        let prefix = unprivilegedPrefix
        guard let first = prefix.first else { return try run(arguments) }
        return try runProgram(first, Array(prefix.dropFirst()) + [TestSupport.binary] + arguments)
    }

    /// True when `path` can be opened for reading by the unprivileged user.
    static func unprivilegedCanRead(_ path: String) throws -> Bool {
        let prefix = unprivilegedPrefix
        let command = (prefix.isEmpty ? [] : Array(prefix.dropFirst())) + ["/bin/cat", path]
        return try runProgram(prefix.first ?? "/bin/cat", prefix.isEmpty ? [path] : command).status == 0
    }

    /// Whether this machine lets the tests mount a small tmpfs in a private mount namespace.
    static let canMountTmpfs: Bool = {
        let folder = try? TestSupport.temporaryFolder()
        defer { folder.map { try? FileManager.default.removeItem(at: $0) } }
        guard let folder else { return false }
        let result = try? runProgram("/usr/bin/unshare", ["-m", "/bin/sh", "-c", "mount -t tmpfs -o size=64k tmpfs '\(folder.path)'"])
        return result?.status == 0
    }()

    /// Copies fixtures into `folder` under the given relative names.
    static func place(_ fixtures: [(fixture: String, as: String)], in folder: URL) throws {
        for item in fixtures {
            let target = folder.appendingPathComponent(item.as)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: TestSupport.fixture(item.fixture), toPath: target.path)
        }
    }

    /// Every file below `folder`, as sorted relative paths.
    static func files(in folder: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        var found: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory), !isDirectory.boolValue {
                found.append(path)
            }
        }
        return found.sorted()
    }

    /// The parsed `--report` file.
    static func report(_ url: URL) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    /// The per-file records of a report, by input path.
    static func records(_ report: [String: Any]) -> [String: [String: Any]] {
        let files = report["files"] as? [[String: Any]] ?? []
        return Dictionary(files.map { ($0["input"] as? String ?? "", $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// A qpdf-encrypted copy of a fixture (AES-256, user password `user`, owner `owner`).
    static func encrypted(_ fixture: String, to target: URL) throws {
        let result = try runProgram("/usr/bin/env", ["qpdf", "--encrypt", "user", "owner", "256", "--", TestSupport.fixture(fixture), target.path])
        guard result.status == 0 else {
            throw TestFailure("qpdf is needed to make encrypted test PDFs (make deps installs it): \(result.stderr)")
        }
    }

    struct TestFailure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
