import Foundation
import Testing
import TestSupport

/// Extraction and ingestion through the binary, in a scratch copy of the project's
/// data (sources and lexicon), so that the real Graph/ is never touched.
@Suite struct IngestCommandTests {
    @Test func theDefaultStoreIsBuiltOnFirstUse() throws {
        let dir = try ScratchProject.make()
        defer { dir.remove() }
        let result = try Wardgraph.run(["query", "-e", "?- partner_wards(P, N), N >= 3."], directory: dir.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("built the default store Graph/wardgraph.log from Graph/sources (5 documents"))
        #expect(result.stdout.contains("企業"))
        #expect(result.stdout.contains("自治会町内会"))
        #expect(result.stdout.contains("地域防災拠点"))
        #expect(result.stdout.contains("(3 rows"))
        // The second time it is simply there.
        let again = try Wardgraph.run(["log"], directory: dir.path)
        #expect(!again.stderr.contains("built the default store"))
        #expect(again.stdout.contains("(5 transactions)"))
    }

    @Test func ingestReportsPerFileAndSkipsBadOnes() throws {
        let dir = try ScratchProject.make()
        defer { dir.remove() }
        FileDamage.write([], to: dir.file("empty.txt"))
        FileDamage.write([0x00, 0x01, 0xFF, 0xFE], to: dir.file("binary.txt"))
        FileDamage.write(Array("会議の記録\nこの文書には区の名前がありません。\n".utf8), to: dir.file("noward.txt"))
        let arguments = ["ingest", "--store", dir.file("g.log"), dir.file("empty.txt"), dir.file("Graph/sources/izumi-r7.txt"),
                         dir.file("binary.txt"), dir.file("noward.txt"), dir.file("Graph/sources/asahi-r8.txt")]
        let result = try Wardgraph.run(arguments, directory: dir.path)
        #expect(result.status == 1)
        #expect(result.stdout.contains("izumi-r7.txt  泉区  令和7年度"))
        #expect(result.stdout.contains("asahi-r8.txt"))
        #expect(result.stderr.contains("empty.txt"))
        #expect(result.stderr.contains("binary.txt"))
        #expect(result.stderr.contains("noward.txt"))
        #expect(result.stderr.contains("nothing was written for it"))
        let log = try Wardgraph.run(["log", "--store", dir.file("g.log")])
        #expect(log.stdout.contains("(2 transactions)"))
        let again = try Wardgraph.run(["ingest", "--store", dir.file("g.log"), dir.file("Graph/sources/izumi-r7.txt")], directory: dir.path)
        #expect(again.stdout.contains("unchanged: nothing written"))
    }

    /// A two-line file with the same ward and year as a real policy would retract
    /// 427 facts and leave 泉区 with no measure: refused unless --force, with the
    /// reasons, and a year read from the body text is reported as such.
    @Test func aDestructiveRevisionNeedsForce() throws {
        let dir = try ScratchProject.make()
        defer { dir.remove() }
        let store = dir.file("g.log")
        #expect(try Wardgraph.run(["ingest", "--store", store, "Graph/sources/izumi-r7.txt"], directory: dir.path).status == 0)
        // An ordinary revision (one line changed) goes in without --force.
        let izumi = try String(contentsOfFile: dir.file("Graph/sources/izumi-r7.txt"), encoding: .utf8)
        try izumi.replacingOccurrences(of: "商店街", with: "商店会").write(toFile: dir.file("izumi-revised.txt"), atomically: true, encoding: .utf8)
        let revised = try Wardgraph.run(["ingest", "--store", store, "izumi-revised.txt"], directory: dir.path)
        #expect(revised.status == 0, "\(revised.stderr)")

        FileDamage.write(Array("泉区運営方針\n令和７年度の取組をまとめます。\n".utf8), to: dir.file("short.txt"))
        let before = FileDamage.bytes(store)
        let refused = try Wardgraph.run(["ingest", "--store", store, "short.txt"], directory: dir.path)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("would retract"))
        #expect(refused.stderr.contains("more than half"))
        #expect(refused.stderr.contains("with no measures (it has 18)"))
        #expect(refused.stderr.contains("--force"))
        #expect(refused.stderr.contains("taken from the body text (line 2)"))
        #expect(FileDamage.bytes(store) == before)

        let forced = try Wardgraph.run(["ingest", "--force", "--store", store, "short.txt"], directory: dir.path)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stderr.contains("the title names no fiscal year; 令和7年度 was taken from the body text (line 2)"))
    }

    @Test func extractPrintsTheGoldFormatWithoutTouchingTheStore() throws {
        let dir = try ScratchProject.make()
        defer { dir.remove() }
        let result = try Wardgraph.run(["extract", "Graph/sources/kanazawa-r4.txt", "--format", "json"], directory: dir.path)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(json?["ward"] as? String == "金沢区")
        #expect(json?["fiscal_year"] as? String == "令和4年度")
        #expect((json?["measures"] as? [Any])?.isEmpty == false)
        #expect(!FileManager.default.fileExists(atPath: dir.file("Graph/wardgraph.log")))
        let facts = try Wardgraph.run(["extract", "Graph/sources/kanazawa-r4.txt", "--format", "facts"], directory: dir.path)
        #expect(facts.stdout.contains("partner:横浜市立大学"))
        #expect(facts.stdout.contains("# kanazawa-r4.txt:"))
    }

    @Test func evalPrintsPrecisionAndRecall() throws {
        let dir = try ScratchProject.make()
        defer { dir.remove() }
        let gold = Wardgraph.packageRoot.path + "/Tests/ExtractionTests/Fixtures/gold"
        let result = try Wardgraph.run(["eval", "--gold", gold], directory: dir.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("pooled           partners"))
        #expect(result.stdout.contains("implements"))
        let missing = try Wardgraph.run(["eval"], directory: dir.path)
        #expect(missing.status == 2)
    }
}
