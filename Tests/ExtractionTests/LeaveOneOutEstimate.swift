import Foundation
import Testing
@testable import Extraction

/// With WARDGRAPH_DUMP=1: a leave-one-document-out estimate of how the extractor does
/// on a document it was not tuned on. For each document, lexicon entries whose
/// canonical name is a gold partner or plan of that document only are removed before
/// extracting it. (Structural rules cannot be left out this way; see the report.)
@Suite struct LeaveOneOutEstimate {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["WARDGRAPH_DUMP"] != nil))
    func estimate() throws {
        let full = try Corpus.lexicon()
        let golds = try Corpus.documents.map { try Corpus.gold($0) }
        func names(_ g: GoldDocument) -> Set<String> {
            Set(g.partners.map { TextNormalizer.key($0.name) } + g.plans.map { TextNormalizer.key($0.name) })
        }
        var pairs: [(gold: GoldDocument, extracted: ExtractedDocument)] = []
        for (index, name) in Corpus.documents.enumerated() {
            let others = golds.indices.filter { $0 != index }.reduce(into: Set<String>()) { $0.formUnion(names(golds[$1])) }
            let own = names(golds[index]).subtracting(others)
            let keep = { (e: Lexicon.Entry) in !own.contains(TextNormalizer.key(e.canonical)) }
            let removed = (full.partners + full.plans).filter { !keep($0) }.map(\.canonical)
            print("\(name): without \(removed)")
            let lexicon = full.removing(partners: { !keep($0) }, plans: { !keep($0) })
            pairs.append((golds[index], try Corpus.extract(name, lexicon: lexicon)))
        }
        print(GoldEvaluation.evaluate(pairs).table())
    }
}
