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
case "serve":
    try ServeBenchmark.run(arguments: Array(arguments.dropFirst()))
default:
    print("""
    usage: wardgraph-bench store [FACTS [SINGLE_COMMITS]]
           wardgraph-bench extract [PROJECT]
           wardgraph-bench repl [PROJECT]
           wardgraph-bench serve [PROJECT] [--seconds N] [--soak N] [--no-cache]
      store    durable single-fact commits, a bulk transaction of FACTS facts (default
               1,000,000), replaying it, and bytes per fact on disk
      extract  extraction speed over Graph/sources, and ingesting them into a fresh store
      repl     REPL start-up and the round trip of a shared_partner query
      serve    the HTTP service under wrk: req/s, p50/p99 at 1, 16, 64 connections for a
               node page and a shared_partner query; a soak of N s (default 60) with
               its errors; resident memory before and after
    PROJECT is the directory with Graph/ and Queries/ (default: the current one).
    """)
    exit(arguments.isEmpty ? 0 : 2)
}
