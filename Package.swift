// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "pdf2struct",
    products: [
        .library(name: "PDF2Struct", targets: ["PDF2Struct"]),
        .executable(name: "pdf2struct", targets: ["pdf2struct"]),
    ],
    dependencies: [
        // Argument parsing for the CLI: the standard Swift choice, with generated --help.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // The C library itself, found through pkg-config; no unsafe flags.
        .systemLibrary(
            name: "CPoppler",
            pkgConfig: "poppler-glib",
            providers: [.apt(["libpoppler-glib-dev", "libglib2.0-dev", "libcairo2-dev"])]
        ),
        // The only module that sees C types: owns GObjects, copies pages into Swift values.
        .target(name: "PopplerText", dependencies: ["CPoppler"]),
        // SHA-256 blocks through the x86 SHA instructions, when the processor has them: inputs
        // are hashed for every conversion and every --skip-existing check. A header of inline
        // C functions and nothing to link, so a module map is all it needs; compiled into
        // the Swift code that calls it, it carries debug information valgrind can read.
        .systemLibrary(name: "CSHA256"),
        // The stages: extraction, layout, structure, text normalisation, export.
        .target(name: "PDF2Struct", dependencies: ["PopplerText", "CSHA256"]),
        // The command-line tool: arguments, files, exit codes; no analysis.
        .executableTarget(
            name: "pdf2struct",
            dependencies: [
                "PDF2Struct",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // gperftools' tcmalloc instead of glibc's malloc: poppler allocates and frees millions
            // of small objects per document, and glibc's malloc/free were 11% of all instructions
            // on a 522-page report; with tcmalloc a conversion takes about 12% less CPU, for
            // about 13 MB more per worker. (Debian: libgoogle-perftools-dev to build,
            // libtcmalloc-minimal4 to run.)
            linkerSettings: [.linkedLibrary("tcmalloc_minimal", .when(platforms: [.linux]))]
        ),
        .testTarget(name: "PDF2StructTests", dependencies: ["PDF2Struct", "PopplerText", "pdf2struct"]),
    ]
)
