import Foundation
import Testing
import TestSupport

/// Fiscal years over HTTP: `year` picks the document each ward's planner relations
/// read, for queries (POST and GET), why and diagrams; answers say which years they
/// read; `/api/years` lists the years there are.
@Suite struct ServiceYearTests {
    static let question = #"?- shared_partner(泉区, W, P)."#

    @Test func aYearChoosesTheDocumentsAndTheAnswerSaysWhich() throws {
        let service = try TestService()
        // Each ward's latest first, then the same question of R7: not the cached answer.
        let latest = try #require(try service.post("/api/query", #"{"program": "\#(Self.question)"}"#).json)
        #expect(latest["total_rows"] as? Int == 10)
        #expect(latest["years"] as? String == "年度: 旭区 R8, 泉区 R7, 港北区 R7, 港南区 R7, 金沢区 R4")
        let r7 = try service.post("/api/query", #"{"program": "\#(Self.question)", "year": "R7"}"#)
        #expect(r7.status == 200)
        let json = try #require(r7.json)
        #expect(json["total_rows"] as? Int == 9)
        #expect(json["years"] as? String == "年度: 泉区 R7, 港北区 R7, 港南区 R7 (R7 の文書がない区: 旭区, 金沢区)")
        let wards = (json["rows"] as? [[[String: Any]]] ?? []).map { $0[0]["value"] as? String }
        #expect(Set(wards) == ["港北区", "港南区"])
        // The same year written three ways is one question (and one cache entry).
        for spelling in ["令和7年度", "2025", "r7"] {
            let get = try service.get("/api/query?q=\(RawHTTP.encode(Self.question))&year=\(RawHTTP.encode(spelling))")
            #expect(get.status == 200, "\(spelling)")
            #expect(get.json?["years"] as? String == json["years"] as? String, "\(spelling)")
        }
        // A year no document of 泉区 has: no rows, and the answer says why.
        let r8 = try #require(try service.post("/api/query", #"{"program": "\#(Self.question)", "year": "R8"}"#).json)
        #expect(r8["total_rows"] as? Int == 0)
        #expect(r8["years"] as? String == "年度: 旭区 R8 (R8 の文書がない区: 泉区, 港北区, 港南区, 金沢区)")
        // `latest` is the default, said aloud.
        let named = try #require(try service.post("/api/query", #"{"program": "\#(Self.question)", "year": "latest"}"#).json)
        #expect(named["years"] as? String == latest["years"] as? String)
    }

    @Test func aYearThatIsNoneIsRefusedClearly() throws {
        let service = try TestService()
        for (target, body) in [
            ("/api/query", #"{"program": "?- ward(W).", "year": "R99x"}"#), ("/api/query", #"{"program": "?- ward(W).", "year": true}"#),
            ("/api/why", #"{"atom": "ward(泉区)", "year": "去年"}"#),
        ] {
            let response = try service.post(target, body)
            #expect(response.status == 400, "\(body)")
            #expect(response.text.contains("'year' must be a fiscal year such as R6, 令和6年度 or 2024, or 'latest', not "), "\(body)")
        }
        let get = try service.get("/api/export?shared_partners&format=dot&year=next")
        #expect(get.status == 400)
        #expect(get.text.contains(#"not \"next\""#))
    }

    @Test func whyAndDiagramsReadTheYearChosen() throws {
        let service = try TestService()
        let atom = #"{"atom": "shared_partner(泉区, 金沢区, 企業)""#
        #expect(try service.post("/api/why", atom + "}").status == 200)
        let r7 = try service.post("/api/why", atom + #", "year": "R7"}"#)
        #expect(r7.status == 404, "金沢区 has no R7 document, so no R7 derivation")
        let q = RawHTTP.encode(Self.question)
        let latest = try service.get("/api/export?q=\(q)&format=dot")
        let chosen = try service.get("/api/export?q=\(q)&format=dot&year=R7")
        #expect(latest.status == 200 && chosen.status == 200)
        #expect(latest.text.contains("金沢区"))
        #expect(!chosen.text.contains("金沢区"))
    }

    @Test func theYearsThereAreNewestFirst() throws {
        let service = try TestService()
        let response = try service.get("/api/years")
        #expect(response.status == 200)
        #expect(response.headers["etag"] == "\"tx5\"")
        let json = try #require(response.json)
        #expect(json["latest"] as? String == "年度: 旭区 R8, 泉区 R7, 港北区 R7, 港南区 R7, 金沢区 R4")
        let years = try #require(json["years"] as? [[String: Any]])
        #expect(years.map { $0["year"] as? String } == ["R8", "R7", "R4"])
        #expect(years[1]["japanese"] as? String == "令和7年度")
        #expect(years[1]["western"] as? Int == 2025)
        #expect(years[1]["wards"] as? [String] == ["泉区", "港北区", "港南区"])
    }
}
