/// A partner named in a measure's text.
struct PartnerMention: Equatable, Sendable {
    /// Canonical name (lexicon type, or the proper name as written).
    var name: String
    /// The spelling in the text.
    var surface: String
    var line: Int
}

/// Finds the organisations a measure's text names.
///
/// Sources of candidates, resolved longest-first so that 泉区商店街連合会 is one
/// partner, not 商店街 inside it:
/// 1. lexicon spellings of organisation types (事業者 → 企業, 防災拠点 → 地域防災拠点);
/// 2. organisation-name morphology: a name ending in a word for a body (…大学,
///    …協議会, …連合会, …医師会, …警察署, …商店街, …センター, …ラウンジ, …) scanned
///    back to its start (フェリス女学院大学, スクールゾーン対策協議会, 鶴見国際交流ラウンジ,
///    とつか区民活動センター, 見守り協力事業者: a registered category of businesses is a
///    type of its own), see ``OrganisationNames``;
/// 3. a legal form and the name after it (NPO法人いたち川ネットワーク, 株式会社…);
/// 4. a group noun followed by a quoted name: ボランティア「旭区わんわんパトロール」;
/// 5. short names the document declares (戸塚区連合町内会自治会連絡会（区連会）), see
///    ``AliasDeclarations``;
/// 6. a proper name written with Latin letters right before a collaboration cue
///    (`横浜FCと連携し`, `元町SS会と協力し`), see ``CollaborationCues``: Latin letters
///    in a Japanese name mark a club's, a company's or an association's own name.
/// A type followed by a quoted name is a proper name kept whole:
/// 地域子育て支援拠点「すきっぷ」.
///
/// Each name is then normalised as the guideline says: a leading 各/区内/市内/地元 and
/// a bare leading 区 are dropped (区社協 → 社会福祉協議会, 区内農家 → 農家); a ward's name
/// is dropped only before the bodies every ward has one of (the lexicon's ward
/// bodies: 泉区社会福祉協議会 → 社会福祉協議会), while 泉区商店街連合会 and 鶴見区医師会
/// stay whole; vague collectives, units of the ward office and venues are rejected.
struct PartnerRecognizer: Sendable {
    let lexicon: Lexicon
    /// The document's ward (泉区), whose name is dropped before ward bodies.
    let ward: [Unicode.Scalar]
    let names: OrganisationNames
    /// The short names the document declares, and what they stand for.
    private(set) var declarations: [AliasDeclarations.Declaration] = []
    /// The keys of the units the document lists as its own.
    let ownUnits: Set<String>
    /// 区内, 市内 and 区: prefixes that normalisation drops before a type.
    private static let droppablePrefixes: [[Unicode.Scalar]] = ["区内", "市内", "区"].map(S)

    /// A recognizer for the documents of `ward`; `documentText` (NFKC compact, all of
    /// it) is read for the short names it declares, and `ownUnits` are the units the
    /// document lists as the ward office's.
    init(lexicon: Lexicon, ward: String, documentText: [Unicode.Scalar] = [], ownUnits: [String] = []) {
        self.lexicon = lexicon
        self.ward = S(ward)
        self.ownUnits = Set(ownUnits.map(TextNormalizer.key))
        names = OrganisationNames(lexicon: lexicon)
        if !documentText.isEmpty {
            let recognizer = self
            declarations = AliasDeclarations.scan(documentText, words: names.words) { recognizer.isOrganisation($0) }
        }
    }

    /// Words that end the name of an organisation.
    static let organisationSuffixes: [[Unicode.Scalar]] = [
        "大学", "短期大学", "協議会", "連合会", "保存会", "愛護会", "連絡会", "協会", "振興会", "商店会", "実行委員会", "委員会",
        "財団", "法人", "組合", "クラブ", "センター", "プラザ", "事業所", "団体", "医師会", "薬剤師会", "消防団", "自治会", "町内会",
        "病院", "警察署", "消防署", "事業者", "会議所", "商店街", "ラウンジ", "高等学校", "高校", "中学校", "小学校", "学園",
        "楽団", "合唱団", "劇団", "少年団", associationOf,
        // Named schools of other kinds, associations, public corporations, companies
        // named before their legal form, clinics.
        "学校", "幼稚園", "保育園", "こども園", "研究会", "協力会", "推進会", "婦人会", "老人会", "青年会", "同好会", "育成会", "後援会",
        "発展会", "親睦会", "公社", "事業団", "機構", "連盟", "株式会社", "有限会社", "クリニック", "診療所",
    ].map(S).sorted { $0.count > $1.count }

    /// `…の会`: the name of a voluntary association (せや・ガイドの会, 認知症の人と家族の会).
    private static let associationOf = "の会"

    /// Whether a suffix that ends at `end` ends the name there: `…の会` does only where
    /// no name character follows (`地域の会場`, `…の会議` are no associations).
    private static func endsName(_ s: [Unicode.Scalar], at end: Int, suffix index: Int) -> Bool {
        guard organisationSuffixes[index] == associationOfScalars else { return true }
        return end >= s.count || !ScalarClass.isNameCharacter(s[end])
    }

    private static let associationOfScalars = S(associationOf)

    /// The suffixes, legal forms and group nouns by their first scalar, so that a scan
    /// tries only the words that can start at a position.
    private static let suffixTable = PhraseTable(organisationSuffixes)
    private static let legalFormTable = PhraseTable(OrganisationNames.legalForms)
    private static let groupNounTable = PhraseTable(groupNouns)

    /// Nouns for a group that introduce its name in quotes.
    static let groupNouns: [[Unicode.Scalar]] = ["ボランティア団体", "ボランティア", "市民団体", "グループ", "サークル"].map(S)

    private struct Candidate {
        var range: Range<Int>
        var lexiconIndex: Int?
        var quoted: Range<Int>?
        var fromGroupNoun = false
        /// For a declared short name: the full name it stands for.
        var declared: [Unicode.Scalar]?
    }

    /// Whether `name` names an organisation: a lexicon type, or a name ending in a
    /// word for a body, that normalisation keeps.
    func isOrganisation(_ name: [Unicode.Scalar]) -> Bool {
        guard lexicon.partnerTable.value(of: name) != nil || Self.organisationSuffixes.contains(where: { name.hasSuffix($0) })
                || hasLegalForm(name) else { return false }
        return canonicalName(name) != nil
    }

    /// Whether `name` is a legal form and the name after it, whole (株式会社横浜DeNAベイスターズ).
    private func hasLegalForm(_ name: [Unicode.Scalar]) -> Bool {
        guard let form = Self.legalFormTable.longestMatch(in: name, at: 0), form.length < name.count else { return false }
        return names.nameAfterLegalForm(in: name, from: form.length) == name.count
    }

    func mentions(in text: LogicalText) -> [PartnerMention] {
        let s = text.scalars
        var candidates: [Candidate] = []
        for i in 0..<s.count {
            if let match = lexicon.partnerTable.longestMatch(in: s, at: i) {
                let start = i - droppablePrefixLength(in: s, before: i, type: lexicon.partners[match.value].canonical)
                candidates.append(Candidate(range: start..<(i + match.length), lexiconIndex: match.value))
            }
            if let suffix = Self.suffixTable.longestMatch(in: s, at: i), Self.endsName(s, at: i + suffix.length, suffix: suffix.value) {
                let start = names.nameStart(in: s, endingAt: i) { isOrganisation($0) || isOfficeUnit($0.string) }
                if start < i { candidates.append(Candidate(range: start..<(i + suffix.length))) }
            }
            if let form = Self.legalFormTable.longestMatch(in: s, at: i) {
                let end = names.nameAfterLegalForm(in: s, from: i + form.length)
                if end > i + form.length { candidates.append(Candidate(range: i..<end)) }
            }
            for declaration in declarations where s.matches(declaration.alias, at: i) {
                candidates.append(Candidate(range: i..<(i + declaration.alias.count), declared: declaration.name))
            }
            if let noun = Self.groupNounTable.longestMatch(in: s, at: i), i + noun.length < s.count,
               let close = NameMorphology.closingQuote(in: s, openingAt: i + noun.length) {
                let inner = (i + noun.length + 1)..<close
                candidates.append(Candidate(range: inner, quoted: nil, fromGroupNoun: true))
            }
        }
        for range in CollaborationCues.names(in: s, words: names.words)
        where Self.isLatinProperName(s[range]) && !CollaborationCues.isActivity(Array(s[range])) {
            candidates.append(Candidate(range: range))
        }
        for k in candidates.indices where !candidates[k].fromGroupNoun {
            let end = candidates[k].range.upperBound
            if let close = NameMorphology.closingQuote(in: s, openingAt: end, limit: 25), close > end + 1 {
                candidates[k].quoted = (end + 1)..<close
                // A proper name keeps the ward's name it starts with (旭区地域子育て支援拠点「ひだまり」).
                let start = candidates[k].range.lowerBound
                if let ward = names.wardSpellings.first(where: { start >= $0.count && s.matches($0, at: start - $0.count) }) {
                    candidates[k].range = (start - ward.count)..<end
                }
            }
        }
        // A committee of something leaves the names inside it free: 地域防災拠点運営委員会
        // names 地域防災拠点. (A venue, a course or people hide theirs: 地域づくり大学校
        // names no school.)
        // A short name the document declares (以下「実行委員会」) is a name, not a type.
        func isCommittee(_ c: Candidate) -> Bool { c.declared == nil && c.quoted == nil && isCommitteeOfSomething(Array(s[c.range])) }
        let kept = candidates.contains(where: isCommittee) ? candidates.filter { !isCommittee($0) } : candidates
        return select(kept).compactMap { mention(for: $0, in: text) }
    }

    /// Non-overlapping candidates, longest (with its quoted name) first; a lexicon
    /// spelling wins a tie because its canonical name is known.
    private func select(_ candidates: [Candidate]) -> [Candidate] {
        func extent(_ c: Candidate) -> Range<Int> {
            c.quoted.map { c.range.lowerBound..<($0.upperBound + 1) } ?? c.range
        }
        let ordered = candidates.sorted { a, b in
            let la = extent(a).count, lb = extent(b).count
            if la != lb { return la > lb }
            if (a.lexiconIndex != nil) != (b.lexiconIndex != nil) { return a.lexiconIndex != nil }
            return a.range.lowerBound < b.range.lowerBound
        }
        var taken: [Range<Int>] = []
        var chosen: [Candidate] = []
        for c in ordered where !taken.contains(where: { $0.overlaps(extent(c)) }) {
            taken.append(extent(c))
            chosen.append(c)
        }
        return chosen.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    private func mention(for candidate: Candidate, in text: LogicalText) -> PartnerMention? {
        let s = text.scalars
        let end = candidate.range.upperBound
        if candidate.quoted == nil, end < s.count, Self.personSuffixes.contains(s[end]) { return nil }
        if candidate.quoted == nil, Self.stageWords.contains(where: { s.matches($0, at: end) }) { return nil }
        // A type drawn on is a resource; a named body's knowledge drawn on (横浜市立大学の
        // 専門的な知見を活かし) is its collaboration.
        if candidate.quoted == nil, Self.isDrawnOn(s, after: end), isBareType(Array(s[candidate.range])) { return nil }
        var surface = Array(s[candidate.range])
        var counted = false
        while let first = surface.first, ScalarClass.isASCIIDigit(first) {
            surface.removeFirst()
            counted = true
        }
        if surface.last == "等" { surface.removeLast() }
        // `３警察署と合同で`: a count of bodies the text named before refers back to
        // them, and names no partner of its own.
        if counted, candidate.quoted == nil, candidate.declared == nil, isBareType(surface) { return nil }
        let line = text.line(at: candidate.range.lowerBound)
        if candidate.fromGroupNoun {
            guard surface.count >= 2, surface.contains(where: ScalarClass.isNameCharacter) else { return nil }
            return PartnerMention(name: surface.string, surface: surface.string, line: line)
        }
        guard var name = canonicalName(candidate.declared ?? surface) else { return nil }
        if let quoted = candidate.quoted {
            let properName = "「" + text.string(quoted) + "」"
            name += properName
            return PartnerMention(name: name, surface: surface.string + properName, line: line)
        }
        return PartnerMention(name: name, surface: surface.string, line: line)
    }

    /// The canonical name for a spelling, or nil when it does not name a partner.
    func canonicalName(_ spelling: [Unicode.Scalar]) -> String? {
        var s = spelling
        if s.last == "等" { s.removeLast() }
        for prefix in Self.qualifierPrefixes where s.hasPrefix(prefix) && s.count > prefix.count + 1 {
            s.removeFirst(prefix.count)
        }
        var name: String
        if let index = lexicon.partnerTable.value(of: s) {
            name = lexicon.partners[index].canonical
        } else if let rest = strippingWard(s), let index = lexicon.partnerTable.value(of: rest) {
            name = lexicon.partners[index].canonical
        } else {
            name = s.string
        }
        guard name.unicodeScalars.count >= 2, !lexicon.isVague(name), !lexicon.isVague(s.string), !isOfficeUnit(name),
              !Self.venueSuffixes.contains(where: { s.hasSuffix($0) }), !Self.courseSuffixes.contains(where: { s.hasSuffix($0) }),
              !isCommitteeOfSomething(s)
        else { return nil }
        return name
    }

    /// Qualifiers dropped from the front of a spelling: 各, 全, 区内, 市内, 当該, 地元, 市立.
    private static let qualifierPrefixes: [[Unicode.Scalar]] = ["各", "全", "区内", "市内", "当該", "地元", "市立"].map(S)

    /// The length of a prefix that normalisation drops (区内, 区, and the ward's name
    /// before a ward body) standing right before `index` at the start of a word, so
    /// that the spelling with it (区内商店街) is recorded as an alias.
    private func droppablePrefixLength(in s: [Unicode.Scalar], before index: Int, type: String) -> Int {
        let prefixes = lexicon.isWardBody(type) ? [ward] + Self.droppablePrefixes : Self.droppablePrefixes
        for prefix in prefixes where !prefix.isEmpty && index >= prefix.count {
            let start = index - prefix.count
            guard s.matches(prefix, at: start) else { continue }
            if start == 0 || !ScalarClass.isNameCharacter(s[start - 1]) { return prefix.count }
        }
        return 0
    }

    /// `泉区社会福祉協議会` → `社会福祉協議会` (a ward body), `区医師会` → `医師会` (any type
    /// after a bare 区); nil when neither applies.
    private func strippingWard(_ s: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        for spelling in [ward] + names.wardSpellings where s.hasPrefix(spelling) && s.count > spelling.count {
            let rest = Array(s.dropFirst(spelling.count))
            if let index = lexicon.partnerTable.value(of: rest), lexicon.isWardBody(lexicon.partners[index].canonical) { return rest }
        }
        if s.first == "区" && s.count > 2 { return Array(s.dropFirst()) }
        return nil
    }
}
