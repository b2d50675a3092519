import Foundation
import Testing
import TestSupport

/// Every program of Queries/ (the planners' questions over the default graph, and
/// the benchmark programs over small fact files) gives the same answer on Soufflé,
/// through `wardgraph export --format souffle` and `wardgraph translate --to souffle`,
/// as `wardgraph query`. Skipped where Soufflé is not installed (CI).
@Suite(.serialized, .enabled(
    if: Souffle.executable != nil,
    "souffle was not found on the PATH (nor in WARDGRAPH_SOUFFLE); build it from source as the README says to run these tests"))
struct SouffleQueriesTests {
    static let queries = Wardgraph.packageRoot.path + "/Queries"

    /// The answers of `wardgraph query … --format tsv`: one list of rows per query.
    static func wardgraphAnswers(_ arguments: [String], directory: String) throws -> [[[String]]] {
        let result = try Wardgraph.run(["query", "--format", "tsv"] + arguments, directory: directory)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.components(separatedBy: "\n\n").map { block in
            block.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().filter { !$0.isEmpty }
                .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        }
    }

    /// Translates with `arguments`, runs Soufflé over `facts`, and compares with `wardgraph query`.
    static func compare(_ program: String, _ arguments: [String], facts: String, directory: String) throws {
        let translated = directory + "/translated.dl"
        let translation = try Wardgraph.run(["translate", "--to", "souffle", program, "-o", translated] + arguments, directory: directory)
        #expect(translation.status == 0, "\(program): \(translation.stderr)")
        let text = try String(contentsOfFile: translated, encoding: .utf8)
        let outputs = text.split(separator: "\n").filter { $0.hasPrefix(".output ") }.map { String($0.dropFirst(".output ".count)) }
        let souffle = try Souffle.run(program: text, facts: facts, outputs: outputs)
        let expected = try wardgraphAnswers([program] + arguments, directory: directory)
        #expect(outputs.count == expected.count, "\(program)")
        for (output, rows) in zip(outputs, expected) {
            #expect(Set(souffle[output] ?? []) == Set(rows), "\(program): \(output) differs")
            #expect((souffle[output] ?? []).count == rows.count, "\(program): \(output)")
        }
    }

    @Test func thePlannersQuestionsAnswerAlike() throws {
        let project = try ScratchProject.make()
        defer { project.remove() }
        let export = try Wardgraph.run(["export", "--format", "souffle", "-o", project.file("facts")], directory: project.path)
        #expect(export.status == 0, "\(export.stderr)")
        let programs = try FileManager.default.contentsOfDirectory(atPath: Self.queries).filter { $0.hasSuffix(".dl") && $0 != "prelude.dl" }.sorted()
        #expect(programs.count >= 7)
        for name in programs {
            let parameters = name == "year-changes.dl" ? ["--param", "ward=泉区", "--param", "old=令和6年度", "--param", "new=令和7年度"] : []
            try Self.compare("\(Self.queries)/\(name)", parameters, facts: project.file("facts"), directory: project.path)
        }
    }

    /// The benchmark programs over fact files like `../shared/bench`'s, small.
    @Test func theBenchmarkProgramsAnswerAlike() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        var g = SplitMix64(seed: 20_240_601)
        var edges = Set<String>(), parents: [String] = [], wardMeasures: [String] = [], measurePartners = Set<String>()
        for _ in 0..<120 { edges.insert("\(g.next(below: 40))\t\(g.next(below: 40))") }
        for child in 1..<60 { parents.append("\(child)\t\(g.next(below: child))") }
        for ward in 0..<12 {
            for m in 0..<8 {
                let measure = ward * 100 + m
                wardMeasures.append("\(ward)\t\(measure)")
                for _ in 0..<g.next(below: 4) { measurePartners.insert("\(measure)\t\(g.next(below: 15))") }
            }
        }
        let files = ["edge": edges.sorted(), "parent": parents, "ward_measure": wardMeasures, "measure_partner": measurePartners.sorted()]
        for (name, lines) in files {
            try (lines.joined(separator: "\n") + "\n").write(toFile: dir.file("\(name).tsv"), atomically: true, encoding: .utf8)
        }
        let programs = try FileManager.default.contentsOfDirectory(atPath: Self.queries + "/bench").filter { $0.hasSuffix(".dl") }.sorted()
        #expect(programs.count == 4)
        for name in programs {
            try Self.compare("\(Self.queries)/bench/\(name)", ["--no-graph", "--facts", dir.path], facts: dir.path, directory: dir.path)
        }
    }
}
