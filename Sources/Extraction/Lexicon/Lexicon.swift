import Foundation

/// Canonical names of organisation types and plans, with their common spellings, and
/// the vague collectives that are never partners.
///
/// The lexicon holds only what morphology cannot decide: that 事業者, 民間企業 and
/// 事業所 are all 企業; that 作業所 is a 障害福祉事業所; that 新たな地震防災戦略 is
/// 新たな横浜市地震防災戦略. Recognising organisations it does not list is the job of
/// the name patterns in ``PartnerRecognizer``, so the lexicon need not (and should not)
/// list the bodies of any one ward.
///
/// On disk it is three UTF-8 files in one directory, one entry per line, canonical
/// name first and aliases after it, separated by tabs; `#` starts a comment line:
///
///     企業<TAB>民間企業<TAB>事業者<TAB>区内事業者
///
/// - `partners.txt`: organisation types and their spellings.
/// - `plans.txt`: city-wide plans and frames and their spellings.
/// - `vague.txt`: collectives that are not partners (関係機関, 多様な主体, …).
public struct Lexicon: Sendable {
    /// One line of a lexicon file.
    public struct Entry: Sendable, Equatable {
        public var canonical: String
        public var aliases: [String]
        /// 1-based line in its file (0 for entries made in code).
        public var line: Int

        public init(canonical: String, aliases: [String] = [], line: Int = 0) {
            self.canonical = canonical
            self.aliases = aliases
            self.line = line
        }
    }

    public let partners: [Entry]
    public let plans: [Entry]
    public let vagueCollectives: [String]

    /// Spelling key → index into `partners` / `plans`.
    let partnerTable: PhraseTable
    let planTable: PhraseTable
    private let vagueKeys: Set<String>

    /// Builds a lexicon from entries. When two entries claim the same spelling the
    /// first one wins; ``load(directory:)`` reports that as an error instead.
    public init(partners: [Entry], plans: [Entry], vagueCollectives: [String]) {
        self.partners = partners
        self.plans = plans
        self.vagueCollectives = vagueCollectives
        partnerTable = Lexicon.table(partners)
        planTable = Lexicon.table(plans)
        vagueKeys = Set(vagueCollectives.map(TextNormalizer.key))
    }

    /// Loads `partners.txt`, `plans.txt` and `vague.txt` from `directory`.
    ///
    /// Throws ``LexiconError`` naming the file and line of the first problem.
    public static func load(directory: String) throws -> Lexicon {
        let base = URL(fileURLWithPath: directory)
        let partners = try LexiconFile.entries(at: base.appendingPathComponent("partners.txt").path)
        let plans = try LexiconFile.entries(at: base.appendingPathComponent("plans.txt").path)
        let vague = try LexiconFile.entries(at: base.appendingPathComponent("vague.txt").path)
        return Lexicon(partners: partners, plans: plans,
                       vagueCollectives: vague.flatMap { [$0.canonical] + $0.aliases })
    }

    /// The canonical partner name for `spelling`, if the lexicon knows it.
    public func canonicalPartner(for spelling: String) -> String? {
        partnerTable.value(of: TextNormalizer.compactScalars(spelling)).map { partners[$0].canonical }
    }

    /// The canonical plan name for `spelling`, if the lexicon knows it.
    public func canonicalPlan(for spelling: String) -> String? {
        planTable.value(of: TextNormalizer.compactScalars(spelling)).map { plans[$0].canonical }
    }

    /// Whether `name` is a vague collective (関係機関, 地域, 区民, …) and so not a partner.
    public func isVague(_ name: String) -> Bool {
        vagueKeys.contains(TextNormalizer.key(name))
    }

    private static func table(_ entries: [Entry]) -> PhraseTable {
        var table = PhraseTable()
        var seen = Set<[Unicode.Scalar]>()
        for (index, entry) in entries.enumerated() {
            for spelling in [entry.canonical] + entry.aliases {
                let key = TextNormalizer.compactScalars(spelling)
                guard !key.isEmpty, seen.insert(key).inserted else { continue }
                table.insert(key, value: index)
            }
        }
        return table
    }
}
