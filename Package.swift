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

        // Display width of text in a terminal (East Asian Wide, combining marks, emoji),
        // padding, truncation, caret columns and wrapping. Knows nothing of terminals' I/O.
        .target(
            name: "TextLayout",
            exclude: ["generate-width-tables.py"]
        ),
        .testTarget(name: "TextLayoutTests", dependencies: ["TextLayout"]),

        // A line editor over termios raw mode: key decoding, editing, history, completion
        // and redrawing are pure state machines; Terminal and LineReader are the thin I/O.
        .target(name: "LineEditor", dependencies: ["TextLayout"]),
        .testTarget(name: "LineEditorTests", dependencies: ["LineEditor"]),
    ]
)
