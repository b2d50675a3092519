import Foundation
import Testing
@testable import Extraction

/// How the extractor does on a document it was not tuned to, estimated over all
/// twenty-eight annotated documents (seeds, devset, blind sets A, B, C and D): each is extracted with a lexicon from which its own entries
/// are removed (entries whose spellings occur in its gold and in no other document's),
/// and the scores are pooled. The layout rules cannot be left out this way; the blind
/// sets, written by someone who never read them, stand in for that as far as they go.
@Suite struct LeaveOneOutTests {
    static let floors: [(EvaluationKind, Double)] = [(.measures, 0.80), (.sections, 0.80), (.partners, 0.80), (.plans, 0.80)]

    /// The comparison keys of every partner and plan name and alias in a gold file.
    static func spellings(_ gold: GoldDocument) -> Set<String> {
        Set((gold.partners.flatMap { [$0.name] + $0.aliases } + gold.plans.flatMap { [$0.name] + $0.aliases }).map(TextNormalizer.key))
    }

    /// The lexicon without the entries that only `name`'s gold contains.
    static func lexicon(without name: String, full: Lexicon, golds: [String: GoldDocument]) -> (Lexicon, [String]) {
        let own = spellings(golds[name]!)
        let others = golds.filter { $0.key != name }.values.reduce(into: Set<String>()) { $0.formUnion(spellings($1)) }
        func isOwn(_ entry: Lexicon.Entry) -> Bool {
            let keys = Set(([entry.canonical] + entry.aliases).map(TextNormalizer.key))
            return !keys.isDisjoint(with: own) && keys.isDisjoint(with: others)
        }
        let removed = (full.partners + full.plans).filter(isOwn).map(\.canonical)
        return (full.removing(partners: isOwn, plans: isOwn), removed)
    }

    static func evaluation(of names: [String]) throws -> EvaluationReport {
        let full = try Corpus.lexicon()
        let golds = Dictionary(uniqueKeysWithValues: try Corpus.allDocuments.map { ($0, try Corpus.gold($0)) })
        let pairs = try names.map { name -> (gold: GoldDocument, extracted: ExtractedDocument) in
            let (lexicon, removed) = lexicon(without: name, full: full, golds: golds)
            print("\(name): without \(removed)")
            return (golds[name]!, try Corpus.extract(name, lexicon: lexicon))
        }
        return GoldEvaluation.evaluate(pairs)
    }

    @Test func allTwentyEightDocumentsAreAboveTheFloors() throws {
        let report = try Self.evaluation(of: Corpus.allDocuments)
        print(report.table())
        QualityFloorTests.expect(report, above: Self.floors, set: "leave-one-out")
    }

    /// The seeds' scores must not rest on lexicon entries that only they contain.
    @Test func theSeedsAloneAreAboveTheFloors() throws {
        QualityFloorTests.expect(try Self.evaluation(of: Corpus.documents), above: Self.floors, set: "leave-one-out, seeds")
    }

    @Test func ownEntriesAreThoseOfNoOtherDocument() throws {
        let full = try Corpus.lexicon()
        let golds = Dictionary(uniqueKeysWithValues: try Corpus.allDocuments.map { ($0, try Corpus.gold($0)) })
        // 作業所 → 障害福祉事業所 serves 泉区 and 港南区 alike; 配食サービス only 港南区.
        let removed = Self.lexicon(without: "konan-r7.txt", full: full, golds: golds).1
        #expect(removed.contains("配食サービス"))
        #expect(!removed.contains("障害福祉事業所"))
    }
}
