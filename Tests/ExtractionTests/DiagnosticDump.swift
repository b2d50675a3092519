import Foundation
import Testing
@testable import Extraction

/// With WARDGRAPH_DUMP=1, prints for each annotated document (seeds, devset, blind set
/// A) what was extracted that the gold lacks and what the gold has that was not
/// extracted; WARDGRAPH_DUMP=NAME limits it to the documents whose file name contains
/// NAME. A tool for tuning, not a check.
@Suite struct DiagnosticDump {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["WARDGRAPH_DUMP"] != nil))
    func dumpDifferences() throws {
        let lexicon = try Corpus.lexicon()
        var pairs: [(gold: GoldDocument, extracted: ExtractedDocument)] = []
        let filter = ProcessInfo.processInfo.environment["WARDGRAPH_DUMP"] ?? "1"
        for name in Corpus.allDocuments where filter == "1" || name.contains(filter) {
            let gold = try Corpus.gold(name)
            let doc = try Corpus.extract(name, lexicon: lexicon)
            pairs.append((gold, doc))
            print("===== \(name) ward=\(doc.ward) year=\(doc.fiscalYear) line=\(doc.wardLine)")
            let goldTitles = Set(gold.measures.map { TextNormalizer.key($0.title) })
            for m in doc.measures {
                let mark = goldTitles.contains(TextNormalizer.key(m.title)) ? " " : "+"
                print("\(mark) \(m.id) L\(m.level) p=\(m.parent ?? "-") \(m.line)-\(m.endLine) \(m.otherBlocks) \(m.title)")
            }
            let mine = Set(doc.measures.map { TextNormalizer.key($0.title) })
            for m in gold.measures where !mine.contains(TextNormalizer.key(m.title)) { print("- gold \(m.id) L\(m.level) \(m.line ?? 0) \(m.title)") }
            func diff(_ label: String, _ ours: [String], _ theirs: [String]) {
                let o = Set(ours), t = Set(theirs)
                for x in ours where !t.contains(x) { print("+ \(label) \(x)") }
                for x in theirs where !o.contains(x) { print("- \(label) \(x)") }
            }
            diff("section", doc.sections.map(\.name), gold.sections.map(\.name))
            diff("partner", doc.partners.map { "\($0.name) @\($0.line)" }.map { String($0.split(separator: " @")[0]) }, gold.partners.map(\.name))
            diff("plan", doc.plans.map(\.name), gold.plans.map(\.name))
            let titleOf = Dictionary(uniqueKeysWithValues: doc.measures.map { ($0.id, $0.title) })
            let goldTitleOf = Dictionary(uniqueKeysWithValues: gold.measures.map { ($0.id, $0.title) })
            diff("edge", doc.edges.map { "\(TextNormalizer.key(titleOf[$0.from]!).prefix(12)) \($0.type.rawValue) \($0.to)" },
                 gold.edges.map { "\(TextNormalizer.key(goldTitleOf[$0.from]!).prefix(12)) \($0.type) \($0.to)" })
        }
        print(GoldEvaluation.evaluate(pairs).table())
    }

    /// With WARDGRAPH_KINDS=NAME, prints each line of the documents whose file name
    /// contains NAME (or of the file at NAME, an absolute path) in reading order, with
    /// the kind the classifier gave it.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["WARDGRAPH_KINDS"] != nil))
    func dumpLineKinds() throws {
        let filter = ProcessInfo.processInfo.environment["WARDGRAPH_KINDS"] ?? ""
        let names = filter.hasPrefix("/") ? [filter] : Corpus.allDocuments.filter { $0.contains(filter) }
        for name in names {
            let bytes = name.hasPrefix("/") ? Array(try Data(contentsOf: URL(fileURLWithPath: name))) : try Corpus.sourceBytes(name)
            let source = try SourceText.lines(of: bytes, fileName: name)
            let order = LayoutReader.read(source)
            let kinds = LineClassifier.classify(order.lines, forced: order.forcedKinds)
            print("===== \(name)")
            for (line, kind) in zip(order.lines, kinds) where kind != .blank {
                print("\(line.number)\t\(String(describing: kind).prefix(70))\t\(line.display.prefix(40))")
            }
        }
    }
}
