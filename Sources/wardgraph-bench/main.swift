import Foundation

// wardgraph-bench: benchmarks, kept out of the tests. Build with
// `swift build -c release` and run `.build/release/wardgraph-bench store`.

let usage = """
usage: wardgraph-bench store [FACTS [SINGLE_COMMITS]]
       wardgraph-bench extract [PROJECT]
       wardgraph-bench repl [PROJECT]
       wardgraph-bench scale [--sizes 5,50,500,5000] [--project DIR] [--souffle PATH | --no-souffle] [--keep DIR]
       wardgraph-bench serve [PROJECT] [--seconds N] [--soak N] [--no-cache] [--max-queries N]
       wardgraph-bench soak [--cases N] [--seed S] [--log-rounds R] [--binary-every K] [--project DIR]
       wardgraph-bench symbol-order [PROJECT]
  store    durable single-fact commits, a bulk transaction of FACTS facts (default
           1,000,000), replaying it, and bytes per fact on disk
  extract  extraction speed over Graph/sources, and ingesting them into a fresh store
  repl     REPL start-up and the round trip of a shared_partner query
  scale    synthetic ward graphs shaped like the seeds at each size: store size, ingest,
           open, peak RSS, shared_partner and partner_wards times, the same on Soufflé
           (interpreted and compiled, where souffle is on the PATH), growth exponents
  serve    the HTTP service under wrk: req/s, p50/p99 at 1, 16, 64 connections for a
           node page and a shared_partner query; a soak of N s (default 60) with
           its errors; resident memory before and after
  soak     the fuzz suite, longer (default 20,000 cases, 300 rounds of log damage):
           crashes, hangs, errors without a place, and committed bytes lost;
           'soak-case KIND SEED INDEX PROJECT FILE' writes one case out to replay it
  symbol-order  the functions typical commands run (under valgrind's callgrind), written
           to Sources/wardgraph/SymbolOrder.txt for release builds to lay out together
PROJECT is the directory with Graph/ and Queries/ (default: the current one).
"""

/// Runs the subcommand `arguments` names, or prints the usage when it names none.
func run(_ arguments: [String]) throws {
    switch arguments.first {
    case "store":
        try StoreBenchmark.run(arguments: Array(arguments.dropFirst()))
    case "extract":
        try ExtractionBenchmark.run(arguments: Array(arguments.dropFirst()))
    case "repl":
        try ReplBenchmark.run(arguments: Array(arguments.dropFirst()))
    case "scale":
        try ScaleBenchmark.run(arguments: Array(arguments.dropFirst()))
    // The steps `scale` runs in child processes of their own.
    case "scale-ingest" where arguments.count == 4:
        try ScaleSteps.ingest(project: arguments[1], wardYears: Int(arguments[2]) ?? 5, directory: arguments[3])
    case "scale-query" where arguments.count == 3:
        try ScaleSteps.query(project: arguments[1], directory: arguments[2])
    case "scale-export" where arguments.count == 3:
        try ScaleSteps.export(project: arguments[1], directory: arguments[2])
    case "serve":
        try ServeBenchmark.run(arguments: Array(arguments.dropFirst()))
    case "soak":
        try SoakCommand.run(arguments: Array(arguments.dropFirst()))
    case "soak-batch":
        try SoakBatch.run(arguments: Array(arguments.dropFirst()))
    case "soak-case":
        try SoakCase.run(arguments: Array(arguments.dropFirst()))
    case "symbol-order":
        try SymbolOrder.run(arguments: Array(arguments.dropFirst()))
    default:
        print(usage)
        exit(arguments.isEmpty ? 0 : 2)
    }
}

do {
    try run(Array(CommandLine.arguments.dropFirst()))
} catch is BenchArguments.HelpRequested {
    print(usage)
} catch {
    FileHandle.standardError.write(Data("wardgraph-bench: \(error)\n".utf8))
    exit(2)
}
