import ArgumentParser
import Foundation
import PDF2Struct
import PopplerText

/// `pdf2struct inspect FILE.pdf -o DIR`: pictures of the pages with the detected structure drawn
/// over them, and an HTML page linking them to the Markdown. Arguments and files only; the work
/// is `Inspector`'s.
struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Draw the detected structure over the rendered pages (PNG per page and index.html).",
        discussion: """
            Writes DIR/page-NNN.png for each page: every block's box coloured by type (title, \
            heading with its level, paragraph, list item), footnotes, endnotes, recommendations \
            and page furniture, tagged with reading-order numbers, and a line from each note \
            marker to its note. DIR/index.html shows the pages beside the Markdown; click a box \
            or a block to find it on the other side. See docs/INSPECT.md.

            Examples:
              pdf2struct inspect report.pdf -o inspect/
              pdf2struct inspect report.pdf -o inspect/ --pages 3-5,9 --scale 3
            """
    )

    @Argument(help: "The PDF to inspect.")
    var input: String

    @Option(name: [.short, .customLong("output")], help: "Output folder (made when missing).")
    var output: String

    @Option(help: "Pages to render, e.g. 1-5 or 2,7,10- (default: all). The whole document is still converted.")
    var pages: String?

    @Option(help: "Pixels per point of the page pictures (2 = 144 dpi).")
    var scale: Double = 2

    @Option(help: "Password for an encrypted PDF.")
    var password: String?

    @Option(help: "A JSON configuration file overriding thresholds and recommendation rules.")
    var config: String?

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        if let pages {
            do { _ = try PageSelection(parsing: pages) } catch { throw ValidationError("--pages: \(error)") }
        }
        guard scale.isFinite, scale > 0, scale <= 8 else { throw ValidationError("--scale takes a number above 0 and at most 8") }
    }

    mutating func run() throws {
        let configuration: Configuration
        do {
            configuration = try config.map { try Configuration.load(from: URL(fileURLWithPath: $0)) } ?? Configuration()
        } catch {
            throw ValidationError("--config \(config ?? ""): \(error)")
        }
        let selection = try pages.map { try PageSelection(parsing: $0) }
        do {
            let result = try Inspector(configuration: configuration, scale: scale)
                .inspect(try Pipeline.Input(path: input, password: password), pages: selection, into: output)
            if !quiet {
                FileHandle.standardError.write(Data("pdf2struct: \(input): \(result.pages.count) pages drawn; open \(result.indexPath)\n".utf8))
            }
        } catch {
            FileHandle.standardError.write(Data("pdf2struct: \(input): \(error)\n".utf8))
            if let pdfError = error as? PDFError, pdfError == .passwordRequired || pdfError == .wrongPassword {
                throw ExitCode(ExitStatus.encrypted.rawValue)
            }
            throw ExitCode(ExitStatus.someFailed.rawValue)
        }
    }
}
