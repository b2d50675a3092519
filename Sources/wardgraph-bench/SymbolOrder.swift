import Foundation
import TestSupport

/// `wardgraph-bench symbol-order [PROJECT]`: writes the functions that typical
/// commands run, those most of them run first, to `Sources/wardgraph/SymbolOrder.txt`,
/// from which release builds lay them out together (lld's `--symbol-ordering-file`,
/// see Package.swift).
///
/// Why: the kernel maps an executable's code 64 KB around each page a process runs
/// (fault-around), and that counts in the process's resident set. A small query
/// ran about 2,000 functions spread over 140 such windows of the 19 MB of code (the
/// Swift runtime, Foundation and the C libraries, linked in statically, and ours):
/// 8.7 MB resident. Laid out together, they take about 4 MB.
///
/// It runs the release `wardgraph` under callgrind (`apt-get install valgrind`): the
/// planner questions and other read-only commands over a copy of the project's
/// graph, and the bench programs over small generated facts. A stale list costs only
/// memory (the linker skips names it no longer finds); regenerate it after large
/// changes, then rebuild.
enum SymbolOrder {
    static func run(arguments: [String]) throws {
        let project = arguments.first ?? FileManager.default.currentDirectoryPath
        guard FileManager.default.changeCurrentDirectoryPath(project) else {
            throw ChildProcess.Failure(description: "no such project directory: \(project)")
        }
        let me = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        let wardgraph = URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent("wardgraph").path
        guard let valgrind = SearchPath.executable("valgrind") else {
            throw ChildProcess.Failure(description: "valgrind is needed (apt-get install valgrind)")
        }
        let scratch = TemporaryDirectory("wardgraph-symbol-order")
        defer { scratch.remove() }
        let store = scratch.path + "/wardgraph.log"
        try FileManager.default.copyItem(atPath: "Graph/wardgraph.log", toPath: store)
        try writeFacts(into: scratch.path)

        // Per function: how many commands ran it.
        var uses: [String: Int] = [:]
        for command in commands(store: store, scratch: scratch.path) {
            let output = scratch.path + "/callgrind.out"
            _ = try ChildProcess.check(
                valgrind, ["--tool=callgrind", "--demangle=no", "--callgrind-out-file=" + output, wardgraph] + command,
                directory: scratch.path)
            var counted = Set<String>()
            for name in try functions(inCallgrindOutput: output) where counted.insert(name).inserted {
                uses[name, default: 0] += 1
            }
            print("\(uses.count) functions after wardgraph \(command.joined(separator: " "))")
        }
        // Those most commands run first, so that each command's code lies as close together
        // as it can; then by name (a module's and a type's functions together, and the file
        // changes little from one run to the next).
        let order = uses.sorted { a, b in a.value != b.value ? a.value > b.value : a.key < b.key }.map(\.key)
        let header = """
            # The functions typical wardgraph commands run, those most commands run first:
            # release builds lay them out together (Package.swift). Written by
            # `wardgraph-bench symbol-order`; see Sources/wardgraph-bench/SymbolOrder.swift.

            """
        try (header + order.joined(separator: "\n") + "\n").write(toFile: "Sources/wardgraph/SymbolOrder.txt", atomically: true, encoding: .utf8)
        print("wrote Sources/wardgraph/SymbolOrder.txt; relink: rm .build/release/wardgraph*; swift build -c release")
    }

    /// The commands run: read-only ones over the copy of the graph, and the bench programs.
    static func commands(store: String, scratch: String) -> [[String]] {
        let questions = ((try? FileManager.default.contentsOfDirectory(atPath: "Queries")) ?? [])
            .filter { $0.hasSuffix(".dl") && $0 != "prelude.dl" }.sorted()
        var commands: [[String]] = [["help"]]
        // year-changes.dl asks for parameters (see its header).
        let parameters = ["--param", "ward=泉区", "--param", "old=令和6年度", "--param", "new=令和7年度"]
        commands += questions.map { ["query", "--store", store, "Queries/" + $0, "--format", "tsv"] + ($0 == "year-changes.dl" ? parameters : []) }
        commands += [
            ["query", "--store", store, "-e", "?- shared_partner(W1, W2, P).", "--explain"],
            ["query", "--store", store, "-e", "?- partner_wards(P, N).", "--format", "json"],
            ["schema", "--store", store], ["stats", "--store", store], ["log", "--store", store], ["check", "--store", store],
            ["node", "--store", store, "泉区"],
            ["export", "--store", store, "--shared-partners", "-o", scratch + "/shared.dot"],
            ["export", "--store", store, "--format", "ttl", "-o", scratch + "/graph.ttl"],
            ["export", "--store", store, "--format", "souffle", "-o", scratch + "/souffle"],
            ["translate", "--to", "souffle", "Queries/shared-partners.dl"],
            ["extract", "Graph/sources/izumi-r7.txt"],
        ]
        for (program, facts) in [("tc", "tc"), ("sg", "sg"), ("shared-partners", "wards"), ("partner-wards", "wards")] {
            commands.append(["query", "Queries/bench/\(program).dl", "--no-graph", "--facts", "\(scratch)/\(facts)", "--format", "tsv"])
        }
        return commands
    }

    /// Small facts of the bench workloads' shapes (see ../shared/bench): a graph with
    /// cycles, a tree, and wards with measures and partners.
    static func writeFacts(into directory: String) throws {
        func write(_ name: String, _ rows: [(Int, Int)]) throws {
            let folder = directory + "/" + name.split(separator: "/")[0]
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try rows.map { "\($0.0)\t\($0.1)" }.joined(separator: "\n").write(toFile: directory + "/" + name, atomically: true, encoding: .utf8)
        }
        var g = SplitMix64(seed: 1)
        try write("tc/edge.tsv", (0..<60).map { ($0, ($0 + 1 + g.next(below: 5)) % 60) })
        try write("sg/parent.tsv", (1..<200).map { ($0, g.next(below: $0)) })
        try write("wards/ward_measure.tsv", (0..<400).map { ($0 % 20, $0) })
        try write("wards/measure_partner.tsv", (0..<600).map { _ in (g.next(below: 400), g.next(below: 60)) })
    }

    /// The names of the functions a callgrind profile saw run (`fn=` and `cfn=`
    /// lines, whose names come once, then as `(id)` alone).
    static func functions(inCallgrindOutput path: String) throws -> [String] {
        var names: [String] = []
        for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") {
            guard line.hasPrefix("fn=(") || line.hasPrefix("cfn=(") else { continue }
            guard let close = line.firstIndex(of: ")") else { continue }
            let name = line[line.index(after: close)...].trimmingCharacters(in: .whitespaces)
            // Unnamed code shows as an address or "(below main)".
            if name.isEmpty || name.hasPrefix("0x") || name.contains(" ") { continue }
            names.append(name)
        }
        return names
    }
}
