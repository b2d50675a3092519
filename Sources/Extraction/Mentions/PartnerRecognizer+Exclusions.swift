/// What names no partner although it reads like one: people and posts (大学生,
/// センター長), a school as a stage of life or a district (小学校入学, 中学校区), a type
/// drawn on as a resource (商店街の魅力を生かし), a committee of something
/// (拠点運営委員会), venues, courses (地域づくり大学校) and the ward office's own units.
/// Kept apart from the recognizer so that the guideline's exclusions read in one place.
extension PartnerRecognizer {
    /// What may follow an organisation word without it naming the organisation:
    /// 大学生 and 協議会員 are people, センター長 is a post, 連絡会議 a meeting, 大学校 a course.
    static let personSuffixes: Set<Unicode.Scalar> = ["生", "員", "長", "議", "校"]

    /// Words that make a school a stage of life or a district rather than a body
    /// (`小学校入学を控えた保護者`, `大学進学`, `高校卒業後`, `中学校区ごとに`).
    static let stageWords = ["入学", "進学", "卒業", "入園", "就学", "受験", "在学", "区"].map(S)

    /// Whether the name that ends at `end` is something a measure draws on rather than
    /// works with: the object of 生かす / 活かす / 活用する, itself or through one of its
    /// qualities (`商店街の魅力を生かし`).
    static func isDrawnOn(_ s: [Unicode.Scalar], after end: Int) -> Bool {
        var i = end
        if i < s.count, s[i] == "の" {
            i += 1
            let start = i
            while i < s.count, i - start < 8, ScalarClass.isNameCharacter(s[i]) || (ScalarClass.isHiragana(s[i]) && s[i] != "を") { i += 1 }
            guard i > start else { return false }
        }
        guard i < s.count, s[i] == "を" else { return false }
        return drawingVerbs.contains { s.matches($0, at: i + 1) }
    }

    static let drawingVerbs = ["生か", "活か", "活用"].map(S)

    /// Whether a name before a collaboration cue is a proper name by its letters: at
    /// least three characters, one of them Latin, and not only a Latin abbreviation
    /// (NPO, PTA: types the lexicon knows or does not).
    static func isLatinProperName(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        s.count >= 3 && s.contains(where: ScalarClass.isASCIILetter)
            && s.contains(where: { ScalarClass.isKanji($0) || ScalarClass.isKatakana($0) })
    }

    /// The mentions of a measure without the kinds of body its heading names that its
    /// text names by their own names only: a heading sums up its text, so
    /// `大学・企業と連携した魅力づくり` over `東京都市大学の学生や区内の企業と協働し` means
    /// 東京都市大学 and 企業, not a university besides. A kind the text names itself
    /// too (区内の大学), or names no body of, stays a partner.
    func droppingKindsSpecified(_ mentions: [PartnerMention], heading: String) -> [PartnerMention] {
        // Only a kind that a named body of the measure ends with can be specified.
        guard mentions.contains(where: { kind in isBareType(S(kind.name)) && mentions.contains { Self.isOfKind($0.name, kind.name) } })
        else { return mentions }
        var title = LogicalText()
        title.append(TextNormalizer.compactScalars(heading), line: 0, joined: false)
        let inHeading = self.mentions(in: title).filter { isBareType(S($0.name)) }
        guard !inHeading.isEmpty else { return mentions }
        let specified = Set(inHeading.map(\.name).filter { kind in
            let everywhere = mentions.filter { $0.name == kind }.count
            let inTitle = inHeading.filter { $0.name == kind }.count
            return everywhere <= inTitle && mentions.contains { Self.isOfKind($0.name, kind) }
        })
        return specified.isEmpty ? mentions : mentions.filter { !specified.contains($0.name) }
    }

    /// Whether the body `name` is one of the `kind`: named with the kind's word
    /// (区内の大学 → 東京都市大学), or with the word of one of its members
    /// (医療機関 → 横浜労災病院, 港北区医師会).
    static func isOfKind(_ name: String, _ kind: String) -> Bool {
        name != kind && (name.hasSuffix(kind) || (kindMembers[kind] ?? []).contains { name.hasSuffix($0) && name != $0 })
    }

    /// Kinds of body whose members are named with other words.
    private static let kindMembers: [String: [String]] = [
        "医療機関": ["病院", "医院", "診療所", "クリニック", "医師会", "歯科医師会", "薬剤師会"],
        "教育機関": ["大学", "学校", "高等学校", "中学校", "小学校"],
        "学校": ["高等学校", "中学校", "小学校", "特別支援学校"],
        "金融機関": ["銀行", "信用金庫", "信用組合"],
    ]

    /// Whether `s` is only a word for a kind of body (警察署, 大学, a lexicon type),
    /// with no name of its own before it.
    func isBareType(_ s: [Unicode.Scalar]) -> Bool {
        Self.organisationSuffixes.contains(s) || lexicon.partnerTable.value(of: s) != nil
    }

    /// `運営委員会`, `実行委員会`, `拠点運営委員会`, `地域防災拠点運営委員会`: a committee
    /// named only by what it does, and at most by a word or a type for what it serves,
    /// belongs to that (地域防災拠点の運営委員会); a committee with a name of its own
    /// (大岡川桜まつり実行委員会) is a partner.
    func isCommitteeOfSomething(_ s: [Unicode.Scalar]) -> Bool {
        guard s.hasSuffix(Self.committee) else { return false }
        var stem = Array(s.dropLast(Self.committee.count))
        if let function = Self.committeeFunctions.first(where: { stem.hasSuffix($0) }) { stem.removeLast(function.count) }
        return stem.count < 3 || lexicon.partnerTable.value(of: stem) != nil
    }

    static let committee = S("委員会")
    /// What a committee does, written before 委員会.
    static let committeeFunctions = ["運営", "実行", "推進", "検討", "連絡", "企画"].map(S)

    /// Venues are places, not partners (guideline: 横浜アリーナ, the shopping centre).
    static let venueSuffixes: [[Unicode.Scalar]] = ["地区センター", "スポーツセンター", "文化センター", "ショッピングセンター",
                                                    "公会堂", "会館", "ホール", "アリーナ"].map(S)

    /// Courses named like schools (地域づくり大学校, 市民大学校) teach; they are no bodies.
    static let courseSuffixes: [[Unicode.Scalar]] = ["大学校"].map(S)

    /// Units of the ward office itself are never partners (guideline): …課, …室,
    /// …担当, …係, …事務所, the 区役所. A nursery school, a library or a fire station is
    /// one of them only where the document lists it among its own units; elsewhere it
    /// is an outside body.
    func isOfficeUnit(_ name: String) -> Bool {
        Self.isOfficeUnit(name) || ownUnits.contains(TextNormalizer.key(name))
    }

    /// Whether `name` is a unit that only a ward office has (see ``isOfficeUnit(_:)``).
    static func isOfficeUnit(_ name: String) -> Bool {
        let s = S(name)
        guard !s.hasSuffix(office) else { return true }  // 役所 covers 区役所
        guard SectionListParser.unitName(name) != nil else { return false }
        return !facilityUnits.contains { s.hasSuffix($0) }
    }

    static let office = S("役所")
    static let facilityUnits = ["保育園", "図書館", "消防署"].map(S)
}
