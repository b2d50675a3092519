// swift-tools-version:6.0
// WardGraph: a knowledge graph of Yokohama ward management policies.
// No package dependencies: only the toolchain (stdlib, Foundation, Dispatch, XCTest).
import PackageDescription

/// In release, the executables are linked statically (the Swift runtime, Foundation,
/// the C and C++ libraries): a process then maps only the code it runs, not the pages
/// of libFoundation, ICU and libstdc++ that loading shared libraries touches (a small
/// query's peak resident set falls from 21 MB to 11 MB; see README, Benchmarks).
/// Debug builds, which the tests link with, stay dynamic. Foundation's and the C++
/// libraries are named in one group, because the modules that import Foundation were
/// compiled against its dynamic library. (glibc warns that a static program looking up
/// users or hosts needs glibc's shared NSS libraries at run time; wardgraph looks up
/// neither, and Foundation only a file's owner, which it leaves empty without them.)
///
/// They are linked by lld, which lays out first the functions that typical commands
/// run (Sources/wardgraph/SymbolOrder.txt, written by `wardgraph-bench symbol-order`):
/// the kernel maps code 64 KB around each page a process runs, so functions spread
/// over the 19 MB of code kept 8.7 MB of it resident, together about 4 MB. Every
/// module is compiled with a section per function, so that the linker can move them.
let staticRuntimeInRelease: [LinkerSetting] = [
    .unsafeFlags(
        [
            "-static-executable", "-Xlinker", "--start-group", "-Xlinker", "-lFoundation", "-Xlinker", "-lFoundationEssentials",
            "-Xlinker", "-lFoundationInternationalization", "-Xlinker", "-lCoreFoundation", "-Xlinker", "-l_FoundationICU",
            "-Xlinker", "-l_FoundationCShims", "-Xlinker", "-l_FoundationCollections", "-Xlinker", "-lstdc++", "-Xlinker", "-lm",
            "-Xlinker", "--end-group",
            "-use-ld=lld", "-Xlinker", "--symbol-ordering-file=\(Context.packageDirectory)/Sources/wardgraph/SymbolOrder.txt",
            "-Xlinker", "--no-warn-symbol-ordering",
        ], .when(configuration: .release))
]

let package = Package(
    name: "WardGraph",
    targets: [
        // Record framing, CRC-32C, file I/O, recovery and locking. Knows nothing of wards.
        .target(name: "TransactionLog"),
        .testTarget(name: "TransactionLogTests", dependencies: ["TransactionLog", "TestSupport"]),
        // Interned strings in a byte arena, and the fast hash used by the project's tables.
        .target(name: "Interning"),
        // Display width of text in a terminal (East Asian Wide, combining marks, emoji),
        // padding, truncation, caret columns, wrapping, tables, diagnostics, NFKC, "did you mean".
        .target(name: "TextLayout", exclude: ["generate-width-tables.py"]),
        .testTarget(name: "TextLayoutTests", dependencies: ["TextLayout"]),
        // A line editor over termios raw mode: key decoding, editing, history, completion
        // and redrawing are pure state machines; Terminal and LineReader are the thin I/O.
        .target(name: "LineEditor", dependencies: ["TextLayout"]),
        .testTarget(name: "LineEditorTests", dependencies: ["LineEditor", "TestSupport"]),
        // The graph model (ids, kinds, edges, facts), the store over the log, the graph as relations.
        .target(name: "WardGraph", dependencies: ["TransactionLog", "Interning", "TextLayout", "Datalog"]),
        .testTarget(name: "WardGraphTests", dependencies: ["WardGraph", "TestSupport"]),
        // The query language: syntax, analysis, planning, evaluation, explanations. Knows nothing of wards.
        .target(name: "Datalog", dependencies: ["Interning", "TextLayout"]),
        .testTarget(name: "DatalogTests", dependencies: ["Datalog", "TestSupport"]),
        // Writing an output file the user named, whole, without replacing a device, a pipe or a link.
        .target(name: "OutputFiles"),
        .testTarget(name: "OutputFilesTests", dependencies: ["OutputFiles", "TestSupport"]),
        // Output formats over a neutral result model: table, CSV, TSV, JSON.
        .target(name: "ResultFormats", dependencies: ["TextLayout", "OutputFiles"]),
        .testTarget(name: "ResultFormatsTests", dependencies: ["ResultFormats", "TextLayout"]),
        // Ward policy documents become nodes and edges; lexicon; evaluation against gold files.
        .target(name: "Extraction", dependencies: ["TextLayout"]),
        .testTarget(name: "ExtractionTests", dependencies: ["Extraction"], resources: [.copy("Fixtures")]),
        // Documents into the store: extracted facts with provenance, revisions as diffs, the default store.
        .target(name: "Ingestion", dependencies: ["Extraction", "WardGraph", "TextLayout"]),
        .testTarget(name: "IngestionTests", dependencies: ["Ingestion", "TestSupport"]),
        // Running programs over the graph: the query session (kept rules parsed once, programs
        // analysed once) that the application layer runs every query, why and schema in.
        .target(name: "Querying", dependencies: ["WardGraph", "Datalog", "ResultFormats", "TextLayout"]),
        // DOT writing and escaping; rendering through Graphviz's `dot`. Knows nothing of wards.
        .target(name: "GraphViz", dependencies: ["TextLayout", "OutputFiles"]),
        .testTarget(name: "GraphVizTests", dependencies: ["GraphViz", "TestSupport"], resources: [.copy("Golden")]),
        // Diagrams of the ward graph: selections (a ward, shared partners, a query, a derivation), styles by kind.
        .target(name: "GraphExport", dependencies: ["GraphViz", "WardGraph", "Datalog", "Querying", "TextLayout"]),
        .testTarget(name: "GraphExportTests", dependencies: ["GraphExport", "TestSupport"], exclude: ["Golden"]),
        // The ward graph for other engines: RDF (N-Triples, Turtle) with PROV-O provenance,
        // and the graph's relations as Soufflé fact files.
        .target(name: "GraphInterchange", dependencies: ["WardGraph", "Datalog", "TextLayout"]),
        .testTarget(name: "GraphInterchangeTests", dependencies: ["GraphInterchange", "Ingestion", "Querying", "TestSupport"]),
        // The application layer: every operation the front ends offer (query, why, schema,
        // node, log, history, stats, curation, ingest, extract, export, documents) returning
        // typed values, and one set of views rendering each as terminal text (a ResultSet
        // where tabular) or JSON. The CLI, the REPL and the HTTP service are wiring over it.
        .target(
            name: "Application",
            dependencies: [
                "WardGraph", "TransactionLog", "Datalog", "Querying", "ResultFormats", "TextLayout", "Ingestion",
                "Extraction", "GraphExport", "GraphInterchange", "GraphViz",
            ]),
        .testTarget(name: "ApplicationTests", dependencies: ["Application", "TestSupport"]),
        // An HTTP/1.1 server over POSIX sockets: the request parser is a pure state machine
        // (bytes in, requests or errors out); connections, limits, timeouts and the drain are
        // the thin I/O around it. Knows nothing of wards.
        .target(name: "HTTPServer"),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer", "TestSupport"]),
        // The HTTP service, a front end: the JSON API and the explorer page (embedded) over the
        // application layer, with one snapshot per request, caching by transaction, limits on
        // evaluations, a token for writes and strict security headers.
        .target(name: "WebService", dependencies: ["Application", "HTTPServer", "Querying", "Datalog", "WardGraph", "ResultFormats", "TextLayout"]),
        .testTarget(name: "WebServiceTests", dependencies: ["WebService", "HTTPServer", "Application", "TestSupport", "Fuzzing"]),
        // The REPL, a front end: statements, meta-commands, completion, over the line editor;
        // every command is an operation and a view of the application layer.
        .target(name: "REPL", dependencies: ["Application", "LineEditor", "Querying", "WardGraph", "ResultFormats", "TextLayout", "Datalog"]),
        .testTarget(name: "REPLTests", dependencies: ["REPL", "TestSupport"]),
        // The command line, a front end: argument parsing and wiring to the application layer only.
        .executableTarget(
            name: "wardgraph",
            dependencies: [
                "Application", "WardGraph", "TextLayout", "TransactionLog", "Datalog", "Querying", "ResultFormats", "Extraction",
                "Ingestion", "GraphInterchange", "REPL", "LineEditor", "HTTPServer", "WebService",
            ],
            exclude: ["SymbolOrder.txt"],
            linkerSettings: staticRuntimeInRelease),
        // Benchmarks, separate from the tests: `swift run -c release wardgraph-bench`.
        .executableTarget(
            name: "wardgraph-bench",
            dependencies: [
                "WardGraph", "Datalog", "Extraction", "Ingestion", "Querying", "REPL", "GraphInterchange", "TestSupport", "Application",
                "HTTPServer", "WebService", "Fuzzing",
            ],
            linkerSettings: staticRuntimeInRelease),
        // End-to-end tests through the wardgraph binary.
        .testTarget(name: "EndToEndTests", dependencies: ["wardgraph", "WardGraph", "TextLayout", "TransactionLog", "TestSupport"], exclude: ["Fixtures"]),

        // Hostile input for every front door: seeded fuzz cases over the programs of
        // Queries/ and the seed documents, mutated, run in-process and through the binary.
        .testTarget(name: "FuzzTests", dependencies: ["Fuzzing", "TestSupport"]),

        // Helpers shared by the test targets: temporary directories, file damage, running the binary.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        // The fuzz cases and their harness, shared by FuzzTests and the soak (wardgraph-bench soak).
        .target(
            name: "Fuzzing", dependencies: ["Datalog", "Querying", "WardGraph", "Extraction", "Ingestion", "REPL", "TextLayout", "TransactionLog", "TestSupport"],
            path: "Tests/Fuzzing"),
    ]
)

// A section per function in release, for the layout above.
for target in package.targets {
    target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(["-Xfrontend", "-function-sections"], .when(configuration: .release))]
}
