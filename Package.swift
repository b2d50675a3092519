// swift-tools-version:6.0
// WardGraph: a knowledge graph of Yokohama ward management policies.
// No package dependencies: only the toolchain (stdlib, Foundation, Dispatch, XCTest).
import PackageDescription

let package = Package(
    name: "WardGraph",
    targets: [
        // Record framing, CRC-32C, file I/O, recovery and locking. Knows nothing of wards.
        .target(name: "TransactionLog"),
        .testTarget(name: "TransactionLogTests", dependencies: ["TransactionLog"]),
        // DOT writing and escaping; rendering through Graphviz's `dot`. Knows nothing of wards.
        .target(name: "GraphViz"),
        .testTarget(name: "GraphVizTests", dependencies: ["GraphViz"], resources: [.copy("Golden")]),
    ]
)
