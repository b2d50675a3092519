import Foundation
import Testing
import TestSupport

/// `wardgraph extract FILE --report` and the summary on `ingest`: what was not
/// understood, by line, with hints in the shell's curation syntax, which a planner
/// can paste into the shell to mend the graph.
@Suite struct ExtractReportTests {
    static let fixtures = Wardgraph.packageRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures")

    /// A document with one of each: a name before a collaboration cue that is no
    /// partner, a citation of an unknown plan, a heading of the policies' family out
    /// of sequence, a table row without a name, plan-table rows keyed to no measure,
    /// and a unit of the ward office named where no unit is listed.
    static var document: String { fixtures.appendingPathComponent("not-understood.txt").path }

    @Test func theReportListsWhatWasNotUnderstood() throws {
        let result = try Wardgraph.run(["extract", Self.document, "--report"], directory: Wardgraph.packageRoot.path)
        #expect(result.status == 0, "\(result.stderr)")
        let golden = try GoldenFile.expected(result.stdout, updating: Self.fixtures.appendingPathComponent("not-understood.report"))
        #expect(result.stdout == golden, "\(GoldenFile.firstDifference(Data(result.stdout.utf8), Data(golden.utf8)))")
    }

    @Test func ingestSaysWhatWasNotUnderstoodAndTheHintsMendTheGraph() throws {
        let dir = try ScratchProject.make()
        defer { dir.remove() }
        let store = dir.file("g.log")
        let ingest = try Wardgraph.run(["ingest", "--store", store, Self.document, dir.file("Graph/sources/izumi-r7.txt")], directory: dir.path)
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let summary = ingest.stdout.split(separator: "\n").filter { $0.contains("not understood") }
        #expect(summary == [
            "not-understood.txt: 7 not understood (unplaced heading 1, table row not read 1, organisation-like name not taken as a partner 1, plan-like citation not resolved 3, unit-like name not taken as a section 1); 'wardgraph extract not-understood.txt --report' lists them",
            "izumi-r7.txt: 1 not understood (organisation-like name not taken as a partner 1); 'wardgraph extract izumi-r7.txt --report' lists them",
        ])
        // The report's hints are statements the shell takes as they are.
        let report = try Wardgraph.run(["extract", Self.document, "--report"], directory: dir.path)
        let hints = report.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("+") && !$0.contains("(M,") }
        #expect(hints.count == 8)
        let session = try Wardgraph.run(["--store", store], input: hints.joined(separator: "\n") + "\n"
            + "?- partners_with(M, \"partner:つづきボランティアネット\").\n"
            + "?- has_section(W, \"section:都筑区/地域力推進担当\").\n", directory: dir.path)
        #expect(session.status == 0, "\(session.stderr)")
        #expect(session.stdout.components(separatedBy: "asserted").count - 1 == 8)
        #expect(session.stdout.contains("measure:都筑区/R7/1.1"))
        #expect(session.stdout.contains("ward:都筑区"))
    }
}
