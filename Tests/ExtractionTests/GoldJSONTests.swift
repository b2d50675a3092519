import Foundation
import Testing
@testable import Extraction

/// The goldJSON output: readable as a gold file, a perfect score against itself,
/// the gold files' layout, and the same bytes for the same input.
@Suite struct GoldJSONTests {
    @Test(arguments: Corpus.documents)
    func ownOutputDecodesAndScoresPerfectlyAgainstItself(_ name: String) throws {
        let doc = try Corpus.extract(name, lexicon: try Corpus.lexicon())
        let decoded = try GoldDocument.decode(Data(doc.goldJSON().utf8), fileName: name)
        #expect(decoded.document == name)
        #expect(decoded.ward == doc.ward)
        #expect(decoded.measures.count == doc.measures.count)
        #expect(decoded.edges.count == doc.edges.count)
        let report = GoldEvaluation.evaluate([(gold: decoded, extracted: doc)])
        for row in report.pooled {
            #expect(row.matched == row.gold && row.matched == row.extracted, "\(row.kind.rawValue): \(row)")
        }
    }

    @Test(arguments: Corpus.documents)
    func extractionIsDeterministic(_ name: String) throws {
        let first = try Corpus.extract(name, lexicon: try Corpus.freshLexicon())
        let second = try Corpus.extract(name, lexicon: try Corpus.freshLexicon())
        #expect(first == second)
        #expect(first.goldJSON() == second.goldJSON())
    }

    @Test func layoutMatchesTheGoldFiles() throws {
        let doc = ExtractedDocument(
            document: "t.txt", ward: "泉区", fiscalYear: "令和7年度", wardLine: 2,
            measures: [ExtractedMeasure(id: "m1", title: "「農」の\"魅力\"", level: 1, parent: nil, line: 3, endLine: 5)],
            sections: [ExtractedSection(name: "総務課", line: 9)],
            plans: [ExtractedPlan(name: "横浜市中期計画", line: 4)],
            edges: [ExtractedEdge(from: "m1", type: .implements, to: "横浜市中期計画", line: 4)])
        #expect(doc.goldJSON() == """
        {
         "document": "t.txt",
         "ward": "泉区",
         "fiscal_year": "令和7年度",
         "measures": [
          {
           "id": "m1",
           "title": "「農」の\\"魅力\\"",
           "level": 1,
           "parent": null,
           "line": 3,
           "end_line": 5
          }
         ],
         "sections": [
          {
           "name": "総務課",
           "aliases": [],
           "line": 9
          }
         ],
         "partners": [],
         "plans": [
          {
           "name": "横浜市中期計画",
           "within": null,
           "aliases": [],
           "line": 4
          }
         ],
         "edges": [
          [
           "m1",
           "implements",
           "横浜市中期計画"
          ]
         ],
         "edge_lines": [
          4
         ]
        }
        """)
    }

    @Test func controlCharactersAreEscaped() {
        #expect(JSONValue.string("a\tb\u{01}\\").rendered() == "\"a\\tb\\u0001\\\\\"")
    }

    @Test func goldFilesDecode() throws {
        for name in Corpus.documents {
            let gold = try Corpus.gold(name)
            #expect(gold.document == name)
            #expect(!gold.measures.isEmpty)
        }
    }
}
