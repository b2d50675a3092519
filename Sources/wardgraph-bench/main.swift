import Foundation

// wardgraph-bench: benchmarks, kept out of the tests. Build with
// `swift build -c release` and run `.build/release/wardgraph-bench store`.

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "store":
    try StoreBenchmark.run(arguments: Array(arguments.dropFirst()))
default:
    print("""
    usage: wardgraph-bench store [FACTS [SINGLE_COMMITS]]
      store   durable single-fact commits, a bulk transaction of FACTS facts (default
              1,000,000), replaying it, and bytes per fact on disk
    """)
    exit(arguments.isEmpty ? 0 : 2)
}
