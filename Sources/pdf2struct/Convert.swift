import ArgumentParser
import Foundation
import PDF2Struct
import PopplerText

/// `pdf2struct FILE.pdf… -o DIR`: converts PDFs to JSON and Markdown.
struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert report PDFs into structured JSON and Markdown (the default command).",
        discussion: Root.examples
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, md, both
    }

    @Argument(help: "PDF files to convert.")
    var inputs: [String] = []

    @Option(name: [.short, .customLong("output")], help: "Output folder (made when missing).")
    var output: String = "."

    @Option(help: "Which files to write: json, md or both.")
    var format: Format = .both

    @Flag(help: "Write the JSON to standard output instead of files (one input, or --merge).")
    var stdout = false

    @Option(help: "Password for encrypted PDFs.")
    var password: String?

    @Option(help: "Treat the inputs as consecutive parts of one document named NAME.")
    var merge: String?

    @Option(help: "A JSON configuration file overriding thresholds and recommendation rules.")
    var config: String?

    @Flag(help: "Print the default configuration as JSON and exit.")
    var dumpConfig = false

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        if dumpConfig { return }
        if inputs.isEmpty { throw ValidationError("give at least one PDF file") }
        if stdout && inputs.count > 1 && merge == nil {
            throw ValidationError("--stdout takes one input (or several with --merge)")
        }
        if let merge, merge.isEmpty || merge.contains("/") {
            throw ValidationError("--merge NAME must be a plain file name")
        }
    }

    mutating func run() throws {
        if dumpConfig {
            print(Configuration().jsonText(), terminator: "")
            return
        }
        let configuration: Configuration
        do {
            configuration = try config.map { try Configuration.load(from: URL(fileURLWithPath: $0)) } ?? Configuration()
        } catch {
            throw ValidationError("--config \(config ?? ""): \(error)")
        }
        let pipeline = Pipeline(configuration: configuration)
        let jobs: [(name: String, paths: [String])] = merge.map { [($0, inputs)] }
            ?? inputs.map { (Self.outputName(for: $0), [$0]) }
        if !stdout {
            do { try OutputWriter.ensureFolder(output) } catch {
                Self.report(output, error)
                throw ExitCode(ExitStatus.someFailed.rawValue)
            }
        }
        var failures = 0
        var encryptedFailures = 0
        for job in jobs {
            do {
                let parts = try job.paths.map { path throws(PDFError) in try Pipeline.Input(path: path, password: password) }
                let document = try pipeline.convert(parts)
                try write(document, name: job.name)
            } catch {
                failures += 1
                if let pdfError = error as? PDFError, pdfError == .passwordRequired || pdfError == .wrongPassword {
                    encryptedFailures += 1
                }
                Self.report(job.paths.count == 1 ? job.paths[0] : job.name, error)
            }
        }
        if failures > 0 {
            throw ExitCode(encryptedFailures == failures ? ExitStatus.encrypted.rawValue : ExitStatus.someFailed.rawValue)
        }
    }

    private func write(_ document: Document, name: String) throws {
        let json = JSONExporter().export(document, name: name)
        if stdout {
            FileHandle.standardOutput.write(Data(json.utf8))
            return
        }
        let base = URL(fileURLWithPath: output).appendingPathComponent(name).path
        if format != .md { try OutputWriter.write(json, to: base + ".json") }
        if format != .json { try OutputWriter.write(MarkdownExporter().export(document), to: base + ".md") }
        if !quiet {
            let pages = document.sources.reduce(0) { $0 + $1.info.pageCount }
            FileHandle.standardError.write(Data("pdf2struct: \(name): \(pages) pages, \(document.blocks.count) blocks, \(document.notes.count) notes\n".utf8))
        }
    }

    /// `report.pdf` → `report`.
    static func outputName(for path: String) -> String {
        let file = URL(fileURLWithPath: path).lastPathComponent
        return file.lowercased().hasSuffix(".pdf") ? String(file.dropLast(4)) : file
    }

    static func report(_ file: String, _ error: Error) {
        FileHandle.standardError.write(Data("pdf2struct: \(file): \(error)\n".utf8))
    }
}
