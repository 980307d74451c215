import ArgumentParser
import PDF2Struct

/// The `pdf2struct` command: `convert` (the default, so `pdf2struct FILE.pdf -o DIR` works) and
/// the other subcommands.
struct Root: ParsableCommand {
    static let examples = """
        Each input FILE.pdf becomes OUT/FILE.json and OUT/FILE.md. With --merge NAME the inputs \
        are the parts of one document, in order, and become OUT/NAME.json and OUT/NAME.md.

        Examples:
          pdf2struct report.pdf -o out/
          pdf2struct a.pdf b.pdf c.pdf -o out/ --format json
          pdf2struct part1.pdf part2.pdf --merge paper -o out/
          pdf2struct report.pdf --stdout | jq '.notes[0]'
          pdf2struct --dump-config > rules.json   (edit, use with --config)
          pdf2struct help convert                     (every conversion option)

        Exit status: 0 all converted; 1 some inputs failed (the others are written); \
        2 usage error; 3 inputs failed only for a missing or wrong --password.
        """

    static let configuration = CommandConfiguration(
        commandName: "pdf2struct",
        abstract: "Convert report PDFs into structured JSON and Markdown with linked footnotes.",
        discussion: examples,
        version: PDF2StructVersion.current,
        subcommands: [Convert.self, Inspect.self],
        defaultSubcommand: Convert.self
    )
}
