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
/// What is particular to Yokohama lives here too, not in the extractor: the city's
/// wards and the way its mid-term plan is cited.
///
/// On disk it is UTF-8 files in one directory, one entry per line, canonical
/// name first and aliases after it, separated by tabs; `#` starts a comment line:
///
///     企業<TAB>民間企業<TAB>事業者<TAB>区内事業者
///
/// - `partners.txt`: organisation types and their spellings.
/// - `plans.txt`: city-wide plans and frames and their spellings.
/// - `vague.txt`: collectives that are not partners (関係機関, 多様な主体, …).
/// - `plan-levels.txt`: the plan cited by numbered levels (see ``LevelledPlan``).
/// - `wards.txt`: the city's wards, each with its other spellings (the name without
///   区, its reading in kana: 戸塚区, 戸塚, とつか), which occur inside names of
///   local bodies (NPO法人とつか移動支援ネット).
/// - `ward-bodies.txt`: partner types that every ward has one of and that documents
///   name by type (社会福祉協議会): a ward's name before them is dropped.
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
    public let levelledPlan: LevelledPlan?
    public let wards: [Entry]
    /// Canonical partner names of the bodies every ward has one of.
    public let wardBodies: [String]

    /// The files of a lexicon directory, in the order they are read.
    public static let fileNames = ["partners.txt", "plans.txt", "vague.txt", "plan-levels.txt", "wards.txt", "ward-bodies.txt"]

    /// Spelling key → index into `partners` / `plans`.
    let partnerTable: PhraseTable
    let planTable: PhraseTable
    private let vagueKeys: Set<String>
    private let wardBodyKeys: Set<String>
    /// Every spelling of every ward (泉区, 泉, いずみ) as scalars, longest first.
    let wardSpellings: [[Unicode.Scalar]]

    /// Builds a lexicon from entries. When two entries claim the same spelling the
    /// first one wins; ``load(directory:)`` reports that as an error instead.
    public init(partners: [Entry], plans: [Entry], vagueCollectives: [String], levelledPlan: LevelledPlan? = nil,
                wards: [Entry] = [], wardBodies: [String] = []) {
        self.partners = partners
        self.plans = plans
        self.vagueCollectives = vagueCollectives
        self.levelledPlan = levelledPlan
        self.wards = wards
        self.wardBodies = wardBodies
        partnerTable = Lexicon.table(partners)
        planTable = Lexicon.table(plans)
        vagueKeys = Set(vagueCollectives.map(TextNormalizer.key))
        wardBodyKeys = Set(wardBodies.map(TextNormalizer.key))
        wardSpellings = Set(wards.flatMap { [$0.canonical] + $0.aliases }.map(TextNormalizer.compactScalars))
            .filter { !$0.isEmpty }.sorted { ($0.count, $0.string) > ($1.count, $1.string) }
    }

    /// The same lexicon with some partner and plan entries left out (for estimates of
    /// how extraction does on a document whose own entries the lexicon lacks).
    public func removing(partners dropPartner: (Entry) -> Bool, plans dropPlan: (Entry) -> Bool) -> Lexicon {
        Lexicon(partners: partners.filter { !dropPartner($0) }, plans: plans.filter { !dropPlan($0) }, vagueCollectives: vagueCollectives,
                levelledPlan: levelledPlan, wards: wards, wardBodies: wardBodies)
    }

    /// Loads the files named in ``fileNames`` from `directory`.
    ///
    /// Throws ``LexiconError`` naming the file and line of the first problem.
    public static func load(directory: String) throws -> Lexicon {
        let base = URL(fileURLWithPath: directory)
        let files = try fileNames.map { name -> (path: String, entries: [Entry]) in
            let path = base.appendingPathComponent(name).path
            return (path, try LexiconFile.entries(at: path))
        }
        return Lexicon(partners: files[0].entries, plans: files[1].entries,
                       vagueCollectives: files[2].entries.flatMap { [$0.canonical] + $0.aliases },
                       levelledPlan: try LevelledPlan.from(files[3].entries, path: files[3].path),
                       wards: files[4].entries, wardBodies: files[5].entries.map(\.canonical))
    }

    /// Whether `name` is a body every ward has one of (社会福祉協議会), whose ward name is dropped.
    public func isWardBody(_ name: String) -> Bool {
        wardBodyKeys.contains(TextNormalizer.key(name))
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
