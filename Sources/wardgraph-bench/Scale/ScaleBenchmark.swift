import Foundation
import TestSupport

/// `wardgraph-bench scale`: how WardGraph's costs grow with the graph.
///
/// For synthetic ward graphs of 5, 50, 500 and 5,000 ward-years (`SyntheticWards`,
/// shaped like the seeds), each step in a process of its own: ingest (one durable
/// transaction per document), the store's size, opening it (replaying the log), and
/// answering `shared_partner` and `partner_wards` with the peak resident set of that
/// process; then the same graph exported (`export --format souffle`) and the same
/// questions translated (`translate --to souffle`), run by Soufflé interpreted and
/// compiled, one thread. It prints a table, and the growth exponent of each figure
/// between sizes: log(f₂/f₁) / log(n₂/n₁), 1 for linear growth, 2 for quadratic.
enum ScaleBenchmark {
    struct Row {
        var ingested: ScaleSteps.Ingested
        var queried: ScaleSteps.Queried
        var queryRSS: Int
        /// Soufflé (interpreted, compiled) × (shared_partner, partner_wards): seconds, peak RSS, rows.
        var souffle: [String: (seconds: Double, rss: Int, rows: Int)] = [:]
    }

    static func run(arguments: [String]) throws {
        var sizes = [5, 50, 500, 5_000]
        var project = FileManager.default.currentDirectoryPath
        var souffle: String? = Souffle.executable
        var keep: String?
        var parser = BenchArguments(arguments, command: "scale")
        while let option = try parser.next() {
            switch option {
            case "--sizes":
                let list = try parser.value(of: option)
                sizes = try list.split(separator: ",").map {
                    guard let size = Int($0), size > 0 else {
                        throw BenchArguments.Failure(description: "scale --sizes takes positive whole numbers separated by commas, not '\(list)'")
                    }
                    return size
                }
            case "--project": project = try parser.value(of: option)
            case "--souffle": souffle = try parser.value(of: option)
            case "--no-souffle": souffle = nil
            case "--keep": keep = try parser.value(of: option)
            default: throw parser.unknown(option)
            }
        }
        let scratch = TemporaryDirectory("wardgraph-scale")
        defer { scratch.remove() }
        let root = keep ?? scratch.path
        let me = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        print(SeedShape(try ScaleSteps.seedSnapshot(project: project)).summary)
        print("Soufflé: \(souffle ?? "not found (pass --souffle PATH); its columns are left out")\n")

        var rows: [Row] = []
        for size in sizes {
            let directory = "\(root)/\(size)"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let ingest = try ChildProcess.check(me, ["scale-ingest", project, String(size), directory], directory: directory)
            let query = try ChildProcess.check(me, ["scale-query", project, directory], directory: directory)
            var row = Row(
                ingested: try decode(ingest.stdout), queried: try decode(query.stdout), queryRSS: query.peakRSS)
            if let souffle {
                _ = try ChildProcess.check(me, ["scale-export", project, directory], directory: directory)
                for program in ["shared_partner", "partner_wards"] {
                    let source = "\(directory)/\(program).dl"
                    let out = "\(directory)/out"
                    try? FileManager.default.removeItem(atPath: out)
                    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
                    let interpreted = try ChildProcess.check(souffle, ["-j1", "-F", "\(directory)/facts", "-D", out, source], directory: directory)
                    row.souffle["interpreted " + program] = (interpreted.seconds, interpreted.peakRSS, try lines(out + "/query_1.csv"))
                    // Compiling is not timed, as the bench harness's souffle-compiled peer.
                    let binary = "\(root)/\(program)-compiled"
                    if !FileManager.default.isExecutableFile(atPath: binary) {
                        _ = try ChildProcess.check(souffle, ["-j1", "-o", binary, source], directory: directory)
                    }
                    let compiled = try ChildProcess.check(binary, ["-j1", "-F", "\(directory)/facts", "-D", out], directory: directory)
                    row.souffle["compiled " + program] = (compiled.seconds, compiled.peakRSS, try lines(out + "/query_1.csv"))
                }
            }
            rows.append(row)
            print(describe(row))
        }
        print("\n" + table(rows) + "\n\n" + exponents(rows))
    }

    private static func decode<T: Decodable>(_ text: String) throws -> T {
        guard let line = text.split(separator: "\n").last else { throw ChildProcess.Failure(description: "a step printed nothing") }
        return try JSONDecoder().decode(T.self, from: Data(line.utf8))
    }

    private static func lines(_ path: String) throws -> Int {
        try String(contentsOfFile: path, encoding: .utf8).utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    }

    private static func describe(_ row: Row) -> String {
        let i = row.ingested
        return "\(i.wardYears) ward-years (\(i.wards) wards × \(i.years) years): \(i.facts) facts, ingested in \(seconds(i.ingestSeconds)), "
            + "shared_partner \(row.queried.sharedPartnerRows) rows, partner_wards \(row.queried.partnerWardsRows) rows"
    }

    /// The Soufflé runs in the order of the columns.
    static let souffleRuns = ["interpreted shared_partner", "compiled shared_partner", "interpreted partner_wards", "compiled partner_wards"]

    /// WardGraph's figures of each size, and Soufflé's in a second table.
    static func table(_ rows: [Row]) -> String {
        var wardGraph = markdown(
            ["ward-years", "wards × years", "facts", "store MB", "ingest s", "open s", "peak RSS MB", "shared_partner s", "rows", "partner_wards s", "rows"],
            rows.map { row in
                [
                    String(row.ingested.wardYears), "\(row.ingested.wards) × \(row.ingested.years)", String(row.ingested.facts),
                    megabytes(row.ingested.storeBytes), seconds(row.ingested.ingestSeconds), seconds(row.queried.openSeconds),
                    megabytes(row.queryRSS), seconds(row.queried.sharedPartnerSeconds), String(row.queried.sharedPartnerRows),
                    seconds(row.queried.partnerWardsSeconds), String(row.queried.partnerWardsRows),
                ]
            })
        if rows.contains(where: { !$0.souffle.isEmpty }) {
            wardGraph += "\n\nSoufflé, one thread, the same graph and questions (seconds / peak RSS MB):\n\n" + markdown(
                ["ward-years"] + souffleRuns,
                rows.map { row in
                    [String(row.ingested.wardYears)] + souffleRuns.map { key in
                        row.souffle[key].map { "\(seconds($0.seconds)) / \(megabytes($0.rss))" } ?? "–"
                    }
                })
        }
        return wardGraph
    }

    private static func markdown(_ header: [String], _ rows: [[String]]) -> String {
        (["| " + header.joined(separator: " | ") + " |", "|" + header.map { _ in "---:" }.joined(separator: "|") + "|"]
            + rows.map { "| " + $0.joined(separator: " | ") + " |" }).joined(separator: "\n")
    }

    /// The growth exponent of every figure between consecutive sizes.
    static func exponents(_ rows: [Row]) -> String {
        var figures: [(String, (Row) -> Double)] = [
            ("facts", { Double($0.ingested.facts) }), ("store size", { Double($0.ingested.storeBytes) }),
            ("ingest", { $0.ingested.ingestSeconds }), ("open", { $0.queried.openSeconds }),
            ("peak RSS", { Double($0.queryRSS) }), ("shared_partner rows", { Double($0.queried.sharedPartnerRows) }),
            ("shared_partner time", { $0.queried.sharedPartnerSeconds }), ("partner_wards time", { $0.queried.partnerWardsSeconds }),
        ]
        for key in souffleRuns where rows.contains(where: { $0.souffle[key] != nil }) {
            figures.append(("Soufflé \(key) time", { $0.souffle[key]?.seconds ?? .nan }))
            figures.append(("Soufflé \(key) RSS", { Double($0.souffle[key]?.rss ?? 0) }))
        }
        let pairs = zip(rows, rows.dropFirst()).map { ($0, $1) }
        var lines = ["| growth exponent | " + pairs.map { "\($0.0.ingested.wardYears)→\($0.1.ingested.wardYears)" }.joined(separator: " | ") + " |"]
        lines.append("|---|" + pairs.map { _ in "---:" }.joined(separator: "|") + "|")
        for (name, value) in figures {
            let cells = pairs.map { a, b -> String in
                let ratio = value(b) / value(a)
                let sizes = Double(b.ingested.wardYears) / Double(a.ingested.wardYears)
                return ratio.isFinite && ratio > 0 ? String(format: "%.2f", log(ratio) / log(sizes)) : "–"
            }
            lines.append("| \(name) | " + cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }

    static func seconds(_ s: Double) -> String { s < 0.1 ? String(format: "%.4f", s) : String(format: "%.2f", s) }
    static func megabytes(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / 1_048_576) }
}
