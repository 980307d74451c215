import Foundation
import Testing

/// Worker isolation: a crash or a hang while converting one document (injected through the
/// worker's test hooks, standing in for poppler) costs only that document. The batch converts
/// every other input, reports the file with the signal or the timeout, leaves no output or
/// temporary file for it, and exits 1.
@Suite("Batch: worker isolation")
struct BatchIsolationTests {
    private func batch() throws -> URL {
        let folder = try TestSupport.temporaryFolder()
        try BatchTestSupport.place([("groff-twocol", "in/a.pdf"), ("office-report", "in/b.pdf"), ("latex-brief", "in/c.pdf"),
                                    ("three-column", "in/d.pdf")], in: folder)
        return folder
    }

    @Test("A worker killed by SIGSEGV fails its file; the others convert", arguments: [1, 2])
    func crashCostsOneFile(jobs: Int) throws {
        let folder = try batch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out"), report = folder.appendingPathComponent("report.json")
        let input = folder.appendingPathComponent("in").path
        let result = try BatchTestSupport.run([input, "-o", out.path, "-q", "-j", String(jobs), "--report", report.path],
                                              environment: ["PDF2STRUCT_TEST_CRASH": "b.pdf"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("pdf2struct: \(input)/b.pdf: the conversion crashed (worker killed by signal 11 (SIGSEGV))"),
                "\(result.stderr)")
        #expect(BatchTestSupport.files(in: out) == ["a.json", "a.md", "c.json", "c.md", "d.json", "d.md"])
        let record = BatchTestSupport.records(try BatchTestSupport.report(report))["\(input)/b.pdf"]
        #expect(record?["error_kind"] as? String == "crashed")
    }

    @Test("A hang is stopped at --timeout; the file fails alone and the batch goes on")
    func hangCostsOneFile() throws {
        let folder = try batch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out"), report = folder.appendingPathComponent("report.json")
        let input = folder.appendingPathComponent("in").path
        let result = try BatchTestSupport.run([input, "-o", out.path, "-q", "-j", "2", "--timeout", "3", "--report", report.path],
                                              environment: ["PDF2STRUCT_TEST_HANG": "c.pdf"], deadline: 120)
        #expect(!result.timedOut)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("pdf2struct: \(input)/c.pdf: gave up after 3 s (--timeout)"), "\(result.stderr)")
        #expect(BatchTestSupport.files(in: out) == ["a.json", "a.md", "b.json", "b.md", "d.json", "d.md"])
        let record = BatchTestSupport.records(try BatchTestSupport.report(report))["\(input)/c.pdf"]
        #expect(record?["error_kind"] as? String == "timed_out")
    }

    @Test("Bad files mixed into a batch: every good one converts, the run exits 1")
    func mixedBatch() throws {
        let folder = try batch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = folder.appendingPathComponent("in")
        try Data().write(to: inputs.appendingPathComponent("empty.pdf"))
        try Data("not a pdf".utf8).write(to: inputs.appendingPathComponent("text.pdf"))
        try FaultPDF.zeroPages().write(to: inputs.appendingPathComponent("zero.pdf"))
        try BatchTestSupport.encrypted("groff-twocol", to: inputs.appendingPathComponent("locked.pdf"))
        let data = try Data(contentsOf: URL(fileURLWithPath: TestSupport.fixture("latex-brief")))
        try data.prefix(data.count / 3).write(to: inputs.appendingPathComponent("cut.pdf"))
        let out = folder.appendingPathComponent("out"), report = folder.appendingPathComponent("report.json")
        let result = try BatchTestSupport.run([inputs.path, "-o", out.path, "-q", "--report", report.path],
                                              environment: ["PDF2STRUCT_TEST_CRASH": "d.pdf"])
        #expect(result.status == 1)
        #expect(BatchTestSupport.files(in: out) == ["a.json", "a.md", "b.json", "b.md", "c.json", "c.md"])
        let object = try BatchTestSupport.report(report)
        #expect(object["converted"] as? Int == 3)
        #expect(object["failed"] as? Int == 6)
        let kinds = Set(BatchTestSupport.records(object).values.compactMap { $0["error_kind"] as? String })
        #expect(kinds == ["empty_file", "not_a_pdf", "no_pages", "encrypted", "damaged", "crashed"])
    }

    @Test("SIGINT stops the run: workers end, no partial or temporary file stays, exit 130")
    func interruption() throws {
        let folder = try batch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out"), report = folder.appendingPathComponent("report.json")
        let input = folder.appendingPathComponent("in").path
        let result = try BatchTestSupport.run([input, "-o", out.path, "-q", "-j", "1", "--report", report.path],
                                              environment: ["PDF2STRUCT_TEST_HANG": "b.pdf"], deadline: 120) { process in
            // Wait until a.pdf is written and the worker sits in b.pdf, then interrupt.
            let limit = Date().addingTimeInterval(60)
            while !FileManager.default.fileExists(atPath: out.appendingPathComponent("a.md").path), Date() < limit { usleep(50_000) }
            usleep(300_000)
            kill(process.processIdentifier, SIGINT)
        }
        #expect(!result.timedOut)
        #expect(result.status == 130, "\(result.stderr)")
        #expect(BatchTestSupport.files(in: out) == ["a.json", "a.md"])
        let object = try BatchTestSupport.report(report)
        #expect(object["interrupted"] as? Bool == true)
        #expect(object["converted"] as? Int == 1)
        let kinds = BatchTestSupport.records(object).values.compactMap { $0["error_kind"] as? String }
        #expect(kinds.count == 3 && kinds.allSatisfy { $0 == "interrupted" })
    }

    @Test("No worker outlives its command: a usage error, a folder with no PDFs, a conversion",
          arguments: [["--no-such-option"], ["empty"], []])
    func noWorkerOutlivesItsCommand(extra: [String]) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let empty = folder.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let inputs = extra == ["empty"] ? [empty.path] : [TestSupport.fixture("part1")] + extra
        // A conversion's first worker starts before the arguments are read; where it gets no
        // job, the command must end it before ending itself, even while the worker is still
        // starting (10 s here). The shell looks for any process carrying the command's tag the
        // moment the command has ended (a worker left behind would end within a second).
        let tag = UUID().uuidString
        let slowStart = extra.isEmpty ? "0" : "10"
        let script = """
            PDF2STRUCT_TEST_TAG=\(tag) PDF2STRUCT_TEST_SLOW_START=\(slowStart) "$0" "$@" >/dev/null 2>&1
            echo "status $?"
            grep -l -a "PDF2STRUCT_TEST_TAG=\(tag)" /proc/[0-9]*/environ 2>/dev/null | wc -l
            """
        let arguments = inputs + ["-o", folder.appendingPathComponent("out").path, "-q"]
        let outcome = try BatchTestSupport.runProgram("/bin/sh", ["-c", script, TestSupport.binary] + arguments, deadline: 60)
        let lines = outcome.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines == ["status \(extra.isEmpty ? 0 : extra == ["empty"] ? 1 : 2)", "0"], "\(outcome.stdout)")
    }

    @Test("The worker reads its memory limit directly; other arguments get the parser's help and errors")
    func workerArguments() throws {
        let help = try BatchTestSupport.run(["worker", "--help"], deadline: 30)
        #expect(help.status == 0 && help.stdout.contains("--memory-limit"), "\(help.stdout)")
        let bad = try BatchTestSupport.run(["worker", "--memory-limit", "many"], deadline: 30)
        #expect(bad.status == 2 && bad.stderr.contains("--memory-limit"), "\(bad.stderr)")
        // With its limit and no jobs on standard input, a worker ends at once, successfully.
        let idle = try BatchTestSupport.run(["worker", "--memory-limit", "64"], deadline: 30)
        #expect(idle.status == 0 && idle.stdout.isEmpty)
    }
}
