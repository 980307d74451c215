import Foundation
import PDF2Struct

/// Paths and helpers the tests share: the package root, fixtures, the built binary, and a way
/// to run a program and capture its output.
enum TestSupport {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var fixtures: URL { packageRoot.appendingPathComponent("fixtures") }
    static var expected: URL { fixtures.appendingPathComponent("expected") }
    static var schema: URL { packageRoot.appendingPathComponent("schema/pdf2struct.schema.json") }
    static var scorer: URL { packageRoot.deletingLastPathComponent().appendingPathComponent("shared/eval/score.py") }

    /// The single-PDF fixtures, by name (no extension), sorted.
    static var fixtureNames: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []
        return files.filter { $0.hasSuffix(".pdf") }.map { String($0.dropLast(4)) }.sorted()
    }

    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name + ".pdf").path }

    /// Converts a fixture (or, for `paper`, the two parts merged) with the library.
    static func convert(_ name: String) throws -> Document {
        let pipeline = Pipeline()
        if name == "paper" {
            return try pipeline.convert([try Pipeline.Input(path: fixture("part1")), try Pipeline.Input(path: fixture("part2"))])
        }
        return try pipeline.convert([try Pipeline.Input(path: fixture(name))])
    }

    /// Every output the golden tests cover: each fixture plus the merged paper.
    static var outputNames: [String] {
        let names = fixtureNames
        return names.contains("part1") && names.contains("part2") ? names + ["paper"] : names
    }

    /// The built `pdf2struct` binary beside the test bundle.
    static var binary: String {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [beside, beside.deletingLastPathComponent()] {
            let path = candidate.appendingPathComponent("pdf2struct").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return packageRoot.appendingPathComponent(".build/debug/pdf2struct").path
    }

    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs a program to completion with no standard input.
    static func run(_ executable: String, _ arguments: [String], in directory: URL? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                       stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs a program found on PATH.
    static func runTool(_ name: String, _ arguments: [String]) throws -> Outcome {
        try run("/usr/bin/env", [name] + arguments)
    }

    /// A fresh temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pdf2struct-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A unified diff of two texts (via `diff -u`), cut to a readable length.
    static func diff(expected: String, actual: String, label: String) throws -> String {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = folder.appendingPathComponent("expected-" + label), b = folder.appendingPathComponent("actual-" + label)
        try expected.write(to: a, atomically: true, encoding: .utf8)
        try actual.write(to: b, atomically: true, encoding: .utf8)
        let result = try run("/usr/bin/diff", ["-u", a.path, b.path])
        return String(result.stdout.prefix(6000))
    }
}
