import Foundation
import Testing

/// Bad inputs and faults, through the binary as users run it: each failure names the file,
/// sets the documented exit status and leaves no output (nor temporary file) behind; each
/// tolerated oddity converts and says what was odd.
@Suite("Faults")
struct FaultTests {
    /// Converts `inputs` into `out` and checks the common promises of a failure: exit status,
    /// a message naming the file, and no output for it.
    private func expectFailure(_ path: String, status: Int32, message: String, extra: [String] = [],
                               sourceLocation: SourceLocation = #_sourceLocation) throws {
        let out = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try BatchTestSupport.run([path, "-o", out.path, "-q"] + extra)
        #expect(result.status == status, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains("pdf2struct: \(path): "), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(message), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(BatchTestSupport.files(in: out).isEmpty, "outputs or temporary files left: \(BatchTestSupport.files(in: out))",
                sourceLocation: sourceLocation)
    }

    private func write(_ data: Data, _ name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try data.write(to: url)
        return url.path
    }

    @Test("An empty file fails as empty")
    func emptyFile() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try expectFailure(try write(Data(), "empty.pdf", in: folder), status: 1, message: "empty file")
    }

    @Test("A PDF header with nothing after it fails as damaged")
    func headerOnly() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try expectFailure(try write(Data("%PDF-1.7\n".utf8), "header.pdf", in: folder), status: 1, message: "damaged PDF")
    }

    @Test("A PDF cut short fails as damaged", arguments: [0.3, 0.9])
    func truncated(fraction: Double) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = try Data(contentsOf: URL(fileURLWithPath: TestSupport.fixture("groff-twocol")))
        let cut = data.prefix(Int(Double(data.count) * fraction))
        try expectFailure(try write(cut, "cut.pdf", in: folder), status: 1, message: "damaged PDF")
    }

    @Test("A well-formed PDF with no pages fails: there is nothing to convert")
    func zeroPages() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try expectFailure(try write(FaultPDF.zeroPages(), "nopages.pdf", in: folder), status: 1, message: "the PDF has no pages")
    }

    @Test("A folder named in a list, where a file is expected, fails on its own")
    func folderInList() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inner = folder.appendingPathComponent("reports.pdf")
        try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: true)
        let list = folder.appendingPathComponent("list.txt")
        try "\(inner.path)\n".write(to: list, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let result = try BatchTestSupport.run(["@" + list.path, "-o", out.path, "-q"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("pdf2struct: \(inner.path): is a folder"), "\(result.stderr)")
        #expect(BatchTestSupport.files(in: out).isEmpty)
    }

    @Test("A file the user may not read fails with the system's reason")
    func unreadableFile() throws {
        let folder = try BatchTestSupport.sharedFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let locked = folder.appendingPathComponent("locked.pdf")
        try FileManager.default.copyItem(atPath: TestSupport.fixture("groff-twocol"), toPath: locked.path)
        chmod(locked.path, 0o000)
        try #require(!(try BatchTestSupport.unprivilegedCanRead(locked.path)), "the unprivileged user can still read the file")
        let out = folder.appendingPathComponent("out")
        let result = try BatchTestSupport.runUnprivileged([locked.path, "-o", out.path, "-q"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("pdf2struct: \(locked.path): cannot read file: Permission denied"), "\(result.stderr)")
        #expect(BatchTestSupport.files(in: out).isEmpty)
    }

    @Test("An output folder that cannot be created fails before anything is converted")
    func outputFolderCannotBeCreated() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let blocker = folder.appendingPathComponent("file")
        try "x".write(to: blocker, atomically: true, encoding: .utf8)
        let out = blocker.appendingPathComponent("out").path
        let result = try BatchTestSupport.run([TestSupport.fixture("groff-twocol"), "-o", out, "-q"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot create output folder \(out): "), "\(result.stderr)")
        #expect(BatchTestSupport.files(in: folder) == ["file"])
    }

    @Test("An output folder the user may not write into fails each input, naming it")
    func outputFolderNotWritable() throws {
        let folder = try BatchTestSupport.sharedFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("readonly")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        chmod(out.path, 0o555)
        let input = TestSupport.fixture("groff-twocol")
        let result = try BatchTestSupport.runUnprivileged([input, "-o", out.path, "-q"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("pdf2struct: \(input): cannot write \(out.path)/groff-twocol.json: Permission denied"), "\(result.stderr)")
        #expect(BatchTestSupport.files(in: out).isEmpty)
    }

    @Test("A full disk fails the file, leaves no partial output and keeps the old one",
          .enabled(if: BatchTestSupport.canMountTmpfs, "needs a private mount namespace to mount a small tmpfs"))
    func fullDisk() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let mount = folder.appendingPathComponent("small")
        try FileManager.default.createDirectory(at: mount, withIntermediateDirectories: true)
        let input = TestSupport.fixture("part2")
        // In a private mount namespace: a 64 KiB tmpfs holding an old output, then the run, then
        // a listing of what is left and the old output's content.
        let script = """
            mount -t tmpfs -o size=64k tmpfs '\(mount.path)' || exit 99
            printf old > '\(mount.path)/part2.json'
            '\(TestSupport.binary)' '\(input)' -o '\(mount.path)' -q; echo "status=$?"
            ls -A '\(mount.path)'; cat '\(mount.path)/part2.json'
            """
        let result = try BatchTestSupport.runProgram("/usr/bin/unshare", ["-m", "/bin/sh", "-c", script])
        #expect(result.stdout.contains("status=1"), "\(result.stdout) \(result.stderr)")
        #expect(result.stderr.contains("pdf2struct: \(input): cannot write \(mount.path)/part2.json: No space left on device"), "\(result.stderr)")
        #expect(result.stdout.hasSuffix("part2.json\nold"), "files left, then the old output: \(result.stdout)")
    }

    @Test("Encrypted without a password: exit 3 and a message naming --password")
    func encryptedNoPassword() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let locked = folder.appendingPathComponent("locked.pdf")
        try BatchTestSupport.encrypted("groff-twocol", to: locked)
        try expectFailure(locked.path, status: 3, message: "give its password with --password")
    }

    @Test("Encrypted with a wrong (or empty) password: exit 3, naming --password, and no crash", arguments: ["wrong", ""])
    func encryptedWrongPassword(password: String) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let locked = folder.appendingPathComponent("locked.pdf")
        try BatchTestSupport.encrypted("groff-twocol", to: locked)
        try expectFailure(locked.path, status: 3, message: "wrong password for this encrypted PDF (see --password)",
                          extra: ["--password", password])
    }

    @Test("Encrypted with the right user or owner password: converts like the plain file", arguments: ["user", "owner"])
    func encryptedRightPassword(password: String) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let locked = folder.appendingPathComponent("groff-twocol.pdf")
        try BatchTestSupport.encrypted("groff-twocol", to: locked)
        let plain = folder.appendingPathComponent("plain"), opened = folder.appendingPathComponent("opened")
        #expect(try BatchTestSupport.run([TestSupport.fixture("groff-twocol"), "-o", plain.path, "-q", "--format", "md"]).status == 0)
        let result = try BatchTestSupport.run([locked.path, "-o", opened.path, "-q", "--format", "md", "--password", password])
        #expect(result.status == 0, "\(result.stderr)")
        let expected = try String(contentsOf: plain.appendingPathComponent("groff-twocol.md"), encoding: .utf8)
        #expect(try String(contentsOf: opened.appendingPathComponent("groff-twocol.md"), encoding: .utf8) == expected)
    }

    @Test("A batch where only encrypted inputs fail exits 3; mixed with other failures it exits 1")
    func encryptedStatusInBatches() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let locked = folder.appendingPathComponent("locked.pdf")
        try BatchTestSupport.encrypted("groff-twocol", to: locked)
        let out = folder.appendingPathComponent("out")
        let onlyEncrypted = try BatchTestSupport.run([locked.path, TestSupport.fixture("office-report"), "-o", out.path, "-q"])
        #expect(onlyEncrypted.status == 3)
        let mixed = try BatchTestSupport.run([locked.path, folder.appendingPathComponent("absent.pdf").path, "-o", out.path, "-q"])
        #expect(mixed.status == 1)
    }

    @Test("A damaged cross-reference table is rebuilt by poppler, and the output says so")
    func damagedCrossReference() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var data = try Data(contentsOf: URL(fileURLWithPath: TestSupport.fixture("groff-twocol")))
        let keyword = try #require(data.range(of: Data("startxref".utf8), options: .backwards))
        let tail = String(decoding: data[keyword.upperBound...], as: UTF8.self)
        let offset = try #require(tail.split(whereSeparator: \.isWhitespace).first)
        data.replaceSubrange(keyword.upperBound..<data.endIndex, with: Data("\n\(Int(offset)! / 2)\n%%EOF\n".utf8))
        let input = try write(data, "damaged.pdf", in: folder)
        let out = folder.appendingPathComponent("out")
        let result = try BatchTestSupport.run([input, "-o", out.path, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("pdf2struct: \(input): warning: damaged cross-reference table"), "\(result.stderr)")
        let json = try String(contentsOf: out.appendingPathComponent("damaged.json"), encoding: .utf8)
        #expect(json.contains("\"code\": \"xref_repaired\""))
    }

    @Test("A scan with no text layer converts to an empty structure marked needs_ocr, with a warning")
    func scannedPDF() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try write(FaultPDF.imageOnly(), "scan.pdf", in: folder)
        let out = folder.appendingPathComponent("out")
        let result = try BatchTestSupport.run([input, "-o", out.path, "--format", "json"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("pdf2struct: \(input): warning: no text layer"), "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("scan.json"))) as? [String: Any])
        #expect(object["needs_ocr"] as? Bool == true)
        #expect((object["blocks"] as? [Any])?.isEmpty == true)
    }

    @Test("Text in a font with no Unicode mapping is reported in diagnostics and on standard error")
    func unmappedFont() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try write(FaultPDF.privateUseText(), "garbage.pdf", in: folder)
        let out = folder.appendingPathComponent("out")
        let result = try BatchTestSupport.run([input, "-o", out.path, "--format", "json"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("no Unicode mapping"), "\(result.stderr)")
        let json = try String(contentsOf: out.appendingPathComponent("garbage.json"), encoding: .utf8)
        #expect(json.contains("\"code\": \"unmapped_characters\""))
    }
}
