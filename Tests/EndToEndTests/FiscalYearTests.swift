import Foundation
import Testing
import TestSupport

/// Several fiscal years of one ward: answers read each ward's latest document and
/// say so, --year reads another, and `diff` compares two of them measure by measure.
/// The second document is izumi-r7.txt changed by hand (Fixtures/izumi-r8.txt): one
/// measure renamed, a partner added, a plan dropped, and the year made 令和8年度.
@Suite struct FiscalYearTests {
    static let fixtures = Wardgraph.packageRoot.path + "/Tests/EndToEndTests/Fixtures"

    static func projectWithTwoYears() throws -> TemporaryDirectory {
        let project = try ScratchProject.make()
        let ingest = try Wardgraph.run(["ingest", fixtures + "/izumi-r8.txt"], directory: project.path)
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(ingest.stdout.contains("new document"))
        return project
    }

    @Test func theDiffOfTwoYearsIsTheGoldenOne() throws {
        let project = try Self.projectWithTwoYears()
        defer { project.remove() }
        let result = try Wardgraph.run(["diff", "泉区", "R7", "令和8年度"], directory: project.path)
        #expect(result.status == 0, "\(result.stderr)")
        let golden = URL(fileURLWithPath: Self.fixtures + "/diff-izumi-r7-r8.expected")
        #expect(result.stdout == (try GoldenFile.expected(result.stdout, updating: golden)))
        // With only the ward, its two latest years.
        #expect(try Wardgraph.run(["diff", "泉区"], directory: project.path).stdout == result.stdout)
        let missing = try Wardgraph.run(["diff", "泉区", "R6", "R8"], directory: project.path)
        #expect(missing.status == 1)
        #expect(missing.stderr == "wardgraph: error: 泉区 has no document of R6 (令和6年度); its years are R7, R8\n")
    }

    @Test func answersReadTheLatestYearUnlessAnotherIsChosen() throws {
        let project = try Self.projectWithTwoYears()
        defer { project.remove() }
        let latest = try Wardgraph.run(["query", "-e", "?- measure_partner(泉区, M, 横浜市立大学)."], directory: project.path)
        #expect(latest.stdout.hasPrefix("年度: 旭区 R8, 泉区 R8, 港北区 R7, 港南区 R7, 金沢区 R4\nM\n"))
        #expect(latest.stdout.contains("グリーン社会の実現に向けて"))
        let older = try Wardgraph.run(["query", "--year", "R7", "-e", "?- measure_partner(泉区, M, 横浜市立大学)."], directory: project.path)
        #expect(older.stdout.hasPrefix("年度: 泉区 R7, 港北区 R7, 港南区 R7 (R7 の文書がない区: 旭区, 金沢区)\nM\n"))
        #expect(older.stdout.contains("(0 rows"))
        // The raw relations see every year.
        let years = try Wardgraph.run(["query", "-e", "?- ward_year(泉区, Y).", "--format", "tsv"], directory: project.path)
        #expect(years.stdout == "Y\n令和7年度\n令和8年度\n")
        let bad = try Wardgraph.run(["query", "--year", "来年", "-e", "?- ward(W)."], directory: project.path)
        #expect(bad.status == 2)
        #expect(bad.stderr.hasPrefix("wardgraph: error: --year needs a fiscal year such as R6, 令和6年度 or 2024 (or 'latest'), not '来年'"))
    }

    @Test func aRevisionsSummaryListsItsRealChanges() throws {
        let project = try ScratchProject.make()
        defer { project.remove() }
        let revised = project.file("izumi-r7.txt")
        try String(contentsOfFile: Self.fixtures + "/izumi-r8.txt", encoding: .utf8)
            .replacingOccurrences(of: "令和８年度", with: "令和７年度").write(toFile: revised, atomically: true, encoding: .utf8)
        #expect(try Wardgraph.run(["log"], directory: project.path).status == 0)
        let result = try Wardgraph.run(["ingest", revised], directory: project.path)
        #expect(result.status == 0)
        #expect(result.stdout.contains("""
            6: revised, 3 changes
            izumi-r7.txt (泉区 令和7年度) changed:
              -plan 横浜市中期計画 テーマ02 戦略2 政策9 (measure 2.1 「泉わくわく応援隊」)
              +partner 横浜市立大学 (measure 2.2 グリーン社会の実現に向けて)
              renamed measure 2.4 商店街のにぎわいづくり → 商店街と地域のにぎわい創出

            """))
    }
}
