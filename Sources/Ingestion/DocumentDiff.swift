import TextLayout

/// What changed between two documents of one ward, measure by measure: measures
/// added, removed, renamed or moved, and the partners and plans each gained or lost.
///
/// Measure ids are positions (`measure:泉区/R7/2.4`), so one measure inserted near
/// the top renumbers every one after it, and comparing facts would report hundreds
/// of changes for one. Measures are therefore matched as a reader matches them:
/// 1. the same title at the same level (each title once);
/// 2. then, among the rest, greedily the pair with the best score, where the score
///    is the titles' similarity (`TitleSimilarity`) plus a bonus for the same
///    position and for the same parent policy; a pair is accepted when the titles
///    are similar enough (0.5), or less so (0.25) at the same position.
/// What is left is added or removed.
public struct DocumentDiff: Sendable, Equatable {
    public enum Change: Sendable, Equatable {
        case added(DocumentOutline.Measure)
        case removed(DocumentOutline.Measure)
        case renamed(from: DocumentOutline.Measure, to: DocumentOutline.Measure)
        case moved(from: DocumentOutline.Measure, to: DocumentOutline.Measure)
        case partnerGained(DocumentOutline.Measure, String)
        case partnerLost(DocumentOutline.Measure, String)
        case planGained(DocumentOutline.Measure, String)
        case planLost(DocumentOutline.Measure, String)
    }

    public let changes: [Change]
    /// The measures matched, old to new.
    public let matches: [(old: DocumentOutline.Measure, new: DocumentOutline.Measure)]

    public var isEmpty: Bool { changes.isEmpty }

    public static func == (a: DocumentDiff, b: DocumentDiff) -> Bool { a.changes == b.changes }

    public init(from old: DocumentOutline, to new: DocumentOutline) {
        var pairs: [(old: Int, new: Int)] = []
        var oldLeft = Set(old.measures.indices), newLeft = Set(new.measures.indices)
        // 1. Same title, same level, when the title is there once on each side.
        let oldByTitle = Dictionary(grouping: old.measures.indices) { "\(old.measures[$0].level) \(old.measures[$0].title)" }
        let newByTitle = Dictionary(grouping: new.measures.indices) { "\(new.measures[$0].level) \(new.measures[$0].title)" }
        for (key, olds) in oldByTitle {
            guard let news = newByTitle[key], olds.count == 1, news.count == 1 else { continue }
            pairs.append((olds[0], news[0]))
            oldLeft.remove(olds[0])
            newLeft.remove(news[0])
        }
        // The parents of matched policies, to compare initiatives' parents across versions.
        var policyMatch: [String: String] = [:]
        for pair in pairs where old.measures[pair.old].level == 1 { policyMatch[old.measures[pair.old].number] = new.measures[pair.new].number }
        // 2. Similar titles, helped by position, best first.
        var candidates: [(score: Double, old: Int, new: Int)] = []
        for i in oldLeft {
            for j in newLeft where old.measures[i].level == new.measures[j].level {
                let a = old.measures[i], b = new.measures[j]
                let similarity = TitleSimilarity.score(a.title, b.title)
                let samePlace = a.number == b.number
                guard similarity >= 0.5 || (samePlace && similarity >= 0.25) else { continue }
                let sameParent = a.parent != nil && a.parent.flatMap { policyMatch[$0] } == b.parent
                candidates.append((similarity + (samePlace ? 0.2 : 0) + (sameParent ? 0.1 : 0), i, j))
            }
        }
        candidates.sort { ($0.score, $1.old, $1.new) > ($1.score, $0.old, $0.new) }
        for candidate in candidates where oldLeft.contains(candidate.old) && newLeft.contains(candidate.new) {
            pairs.append((candidate.old, candidate.new))
            oldLeft.remove(candidate.old)
            newLeft.remove(candidate.new)
        }
        pairs.sort { DocumentOutline.precedes(new.measures[$0.new].number, new.measures[$1.new].number) }

        var changes: [Change] = []
        for pair in pairs {
            let a = old.measures[pair.old], b = new.measures[pair.new]
            if a.title != b.title { changes.append(.renamed(from: a, to: b)) } else if a.number != b.number { changes.append(.moved(from: a, to: b)) }
            changes += Set(b.partners).subtracting(a.partners).sorted().map { .partnerGained(b, $0) }
            changes += Set(a.partners).subtracting(b.partners).sorted().map { .partnerLost(b, $0) }
            changes += Set(b.plans).subtracting(a.plans).sorted().map { .planGained(b, $0) }
            changes += Set(a.plans).subtracting(b.plans).sorted().map { .planLost(b, $0) }
        }
        changes += newLeft.sorted { DocumentOutline.precedes(new.measures[$0].number, new.measures[$1].number) }.map { .added(new.measures[$0]) }
        changes += oldLeft.sorted { DocumentOutline.precedes(old.measures[$0].number, old.measures[$1].number) }.map { .removed(old.measures[$0]) }
        self.changes = changes
        matches = pairs.map { (old.measures[$0.old], new.measures[$0.new]) }
    }
}

extension DocumentDiff.Change {
    /// One line for people: `renamed measure 2.4 商店街のにぎわいづくり → 商店街と地域のにぎわい創出`.
    public var summary: String {
        switch self {
        case .added(let m): return "added measure \(m.number) \(m.title)"
        case .removed(let m): return "removed measure \(m.number) \(m.title)"
        case .renamed(let a, let b):
            return "renamed measure \(a.number == b.number ? a.number : "\(a.number) → \(b.number)") \(a.title) → \(b.title)"
        case .moved(let a, let b): return "moved measure \(a.number) → \(b.number) \(b.title)"
        case .partnerGained(let m, let p): return "+partner \(p) (measure \(m.number) \(m.title))"
        case .partnerLost(let m, let p): return "-partner \(p) (measure \(m.number) \(m.title))"
        case .planGained(let m, let p): return "+plan \(p) (measure \(m.number) \(m.title))"
        case .planLost(let m, let p): return "-plan \(p) (measure \(m.number) \(m.title))"
        }
    }
}

/// How alike two measure titles are, from 0 (nothing in common) to 1 (the same):
/// the Dice coefficient of their character bigrams (2·|A∩B| / (|A|+|B|), counting
/// repeats), after NFKC and without spaces and punctuation. Bigrams suit Japanese,
/// which has no spaces between words: 商店街のにぎわいづくり and 商店街と地域のにぎわい創出
/// share 商店, 店街, のに, にぎ, ぎわ, わい.
public enum TitleSimilarity {
    public static func score(_ a: String, _ b: String) -> Double {
        let x = bigrams(a), y = bigrams(b)
        guard !x.isEmpty || !y.isEmpty else { return 1 }
        var counts: [String: Int] = [:]
        for gram in x { counts[gram, default: 0] += 1 }
        var shared = 0
        for gram in y where counts[gram, default: 0] > 0 {
            counts[gram]! -= 1
            shared += 1
        }
        return 2 * Double(shared) / Double(x.count + y.count)
    }

    static func bigrams(_ text: String) -> [String] {
        let characters = text.nfkc.filter { !$0.isWhitespace && !$0.isPunctuation && !$0.isSymbol }
        guard characters.count > 1 else { return characters.isEmpty ? [] : [String(characters)] }
        let array = Array(characters)
        return (0..<(array.count - 1)).map { String(array[$0...($0 + 1)]) }
    }
}
