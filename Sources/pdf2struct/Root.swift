import ArgumentParser
import PDF2Struct

/// The `pdf2struct` command: `convert` (the default, so `pdf2struct FILE.pdf -o DIR` works) and
/// the other subcommands.
struct Root: ParsableCommand {
    static let examples = """
        Output names: a FILE.pdf argument becomes OUT/FILE.json and OUT/FILE.md. A FOLDER \
        argument stands for every *.pdf below it (recursively, sorted), and the outputs mirror \
        the path below the folder: FOLDER/2019/report.pdf becomes OUT/2019/report.json, so two \
        report.pdf in different folders never overwrite each other. @LIST reads one path per \
        line (relative paths are mirrored as written). When two inputs would still share an \
        output, the later one fails instead of overwriting. With --merge NAME the inputs are the \
        parts of one document, in order, and become OUT/NAME.json and OUT/NAME.md. Outputs are \
        written to a temporary file and renamed, so an interrupted run leaves no partial file.

        Each document is converted in a worker process (-j at a time): a crash, a hang (see \
        --timeout) or a damaged file fails that file alone and the batch goes on. --shard K/N \
        picks a stable subset by a hash of the path below the input root, for job arrays.

        Examples:
          pdf2struct report.pdf -o out/
          pdf2struct a.pdf b.pdf c.pdf -o out/ --format json
          pdf2struct archive/ -o out/ -j 8 --skip-existing --report run.json
          pdf2struct @pdfs.txt -o out/ --shard 3/8
          pdf2struct part1.pdf part2.pdf --merge paper -o out/
          pdf2struct report.pdf --stdout | jq '.notes[0]'
          pdf2struct --dump-config > rules.json   (edit, use with --config)
          pdf2struct help convert                     (every conversion option)

        Exit status: 0 all converted (or up to date); 1 some inputs failed (the others are \
        written); 2 usage error; 3 inputs failed only for a missing or wrong --password; \
        128+N stopped by signal N (130 for Ctrl-C).
        """

    static let configuration = CommandConfiguration(
        commandName: "pdf2struct",
        abstract: "Convert report PDFs into structured JSON and Markdown with linked footnotes.",
        discussion: examples,
        version: PDF2StructVersion.current,
        subcommands: [Convert.self, Inspect.self, Worker.self],
        defaultSubcommand: Convert.self
    )
}
