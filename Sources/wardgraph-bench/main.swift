import Foundation

// wardgraph-bench: benchmarks, kept out of the tests. Build with
// `swift build -c release` and run `.build/release/wardgraph-bench store`.

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "store":
    try StoreBenchmark.run(arguments: Array(arguments.dropFirst()))
case "extract":
    try ExtractionBenchmark.run(arguments: Array(arguments.dropFirst()))
case "repl":
    try ReplBenchmark.run(arguments: Array(arguments.dropFirst()))
case "soak":
    try SoakCommand.run(arguments: Array(arguments.dropFirst()))
case "soak-batch":
    try SoakBatch.run(arguments: Array(arguments.dropFirst()))
case "soak-case":
    try SoakCase.run(arguments: Array(arguments.dropFirst()))
default:
    print("""
    usage: wardgraph-bench store [FACTS [SINGLE_COMMITS]]
           wardgraph-bench extract [PROJECT]
           wardgraph-bench repl [PROJECT]
           wardgraph-bench soak [--cases N] [--seed S] [--log-rounds R] [--binary-every K] [--project DIR]
      store    durable single-fact commits, a bulk transaction of FACTS facts (default
               1,000,000), replaying it, and bytes per fact on disk
      extract  extraction speed over Graph/sources, and ingesting them into a fresh store
      repl     REPL start-up and the round trip of a shared_partner query
      soak     the fuzz suite, longer (default 20,000 cases, 300 rounds of log damage):
               crashes, hangs, errors without a place, and committed bytes lost;
               'soak-case KIND SEED INDEX PROJECT FILE' writes one case out to replay it
    PROJECT is the directory with Graph/ and Queries/ (default: the current one).
    """)
    exit(arguments.isEmpty ? 0 : 2)
}
