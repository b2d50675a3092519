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
        // One policy document (text dumped from a PDF) → ward, measures, sections,
        // partners, plans and typed edges; lexicon loading; evaluation against gold files.
        .target(name: "Extraction"),
        .testTarget(name: "ExtractionTests", dependencies: ["Extraction"], resources: [.copy("Fixtures")]),
    ]
)
