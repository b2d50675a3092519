import Foundation
import Testing
import TestSupport

/// Every planners' question in Queries/ gives its expected answer on the default graph.
@Suite struct QueriesTests {
    static let queries = Wardgraph.packageRoot.path + "/Queries"

    static let programs: [(name: String, parameters: [String])] = [
        ("shared-partners", []),
        ("busy-partners", []),
        ("theme05-measures", []),
        ("common-sections", []),
        ("ward-plans", []),
        ("lonely-measures", []),
        ("year-changes", ["--param", "ward=泉区", "--param", "old=令和6年度", "--param", "new=令和7年度"]),
    ]

    @Test func everyProgramHasItsExpectedOutputAndEveryExpectedOutputItsTest() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.queries)
        let withExpectations = Set(files.filter { $0.hasSuffix(".expected.tsv") }.map { String($0.dropLast(".expected.tsv".count)) })
        let programs = Set(files.filter { $0.hasSuffix(".dl") && $0 != "prelude.dl" }.map { String($0.dropLast(3)) })
        #expect(withExpectations == programs)
        #expect(Set(Self.programs.map(\.name)) == programs)
    }

    @Test func theAnswersAreTheExpectedOnes() throws {
        let project = try ScratchProject.make()
        defer { project.remove() }
        for program in Self.programs {
            let path = "\(Self.queries)/\(program.name).dl"
            let expected = try String(contentsOfFile: "\(Self.queries)/\(program.name).expected.tsv", encoding: .utf8)
            let result = try Wardgraph.run(["query", path, "--format", "tsv"] + program.parameters, directory: project.path)
            #expect(result.status == 0, "\(program.name): \(result.stderr)")
            #expect(result.stdout == expected, "\(program.name)")
        }
    }

    @Test func theyRunInTheRepl() throws {
        let project = try ScratchProject.make()
        defer { project.remove() }
        let result = try Wardgraph.run([], input: ":timing off\n:load \(Self.queries)/busy-partners.dl\n", directory: project.path)
        #expect(result.stdout.contains("企業              4"))
        #expect(result.stdout.contains("(3 rows)"))
    }
}
