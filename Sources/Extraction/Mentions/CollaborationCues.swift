/// The names a text gives right before a collaboration cue: `…と連携`, `…と協働`,
/// `…と協力`, `…と共催`, `…と合同`, `…の皆様とともに`, and each name of a list joined by
/// や or 及び before one (`横浜中華街発展会協同組合や元町SS会と協力し`).
///
/// Whoever a measure works with is named there, so these spans are where a partner
/// that no lexicon entry and no organisation suffix knows can still be read (see
/// ``PartnerRecognizer``), and where the report looks for names not taken (see
/// ``NoticeFinder``).
enum CollaborationCues {
    static let cues = ["との連携", "との協働", "と連携", "と協働", "と協力", "と共催", "と合同", "の皆様とともに", "の皆さまとともに"].map(S)

    private static let cueTable = PhraseTable(cues)
    /// や and 及び join names; ・ does not count, since it also joins the words of
    /// one name (保育・教育施設), and a name before it is found by its own form.
    private static let listSeparators: Set<Unicode.Scalar> = ["や", "及"]

    /// The ranges of the names before each cue in `s`, the nearest first for each cue;
    /// `words` are the words with kana that names may contain.
    static func names(in s: [Unicode.Scalar], words: [[Unicode.Scalar]]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var i = 0
        while i < s.count {
            guard let cue = cueTable.longestMatch(in: s, at: i) else { i += 1; continue }
            var end = i
            for _ in 0..<4 {
                let start = NameMorphology.nameStart(in: s, endingAt: end, words: words)
                if start < end { result.append(start..<end) }
                guard start > 1, listSeparators.contains(s[start - 1]) else { break }
                end = start - 1
            }
            i += cue.length
        }
        return result
    }

    /// `…の活動を支援`, `…の運営支援`, `…への支援`, `…を支援`: what a measure supports. The
    /// object of 支援 is more often an activity (`訓練を支援`) than a body, so names
    /// before these cues are only offered to the reader (see ``NoticeFinder``), never
    /// taken as partners by this cue alone.
    static let supportCues = ["の活動を支援", "の活動支援", "の運営を支援", "の運営支援", "の取組を支援", "への支援", "を支援"].map(S)

    private static let supportTable = PhraseTable(supportCues)

    /// The ranges of the names right before each support cue in `s`.
    static func supported(in s: [Unicode.Scalar], words: [[Unicode.Scalar]]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var i = 0
        while i < s.count {
            guard let cue = supportTable.longestMatch(in: s, at: i) else { i += 1; continue }
            let start = NameMorphology.nameStart(in: s, endingAt: i, words: words)
            if start < i { result.append(start..<i) }
            i += cue.length
        }
        return result
    }

    /// Whether a name before a support cue reads as a group's own name rather than a
    /// thing done: it ends in a word for a group (こうなんボランティアネット, …見守り隊,
    /// …の会) or mixes Latin letters into a Japanese name (港南SC).
    static func isGroupLike(_ name: [Unicode.Scalar]) -> Bool {
        guard name.count >= 3, !isActivity(name) else { return false }
        return groupWords.contains(where: { name.hasSuffix($0) && name.count > $0.count + 1 }) || PartnerRecognizer.isLatinProperName(name[...])
    }

    private static let groupWords = ["会", "団", "隊", "クラブ", "ネット", "ネットワーク", "グループ", "サークル", "チーム"].map(S)

    /// Words that end the names of activities, events and programmes, never of
    /// organisations: what a measure holds with its partners (`せや区民DAYと合同で`).
    private static let activityWords = ["キャンペーン", "イベント", "事業", "講座", "教室", "まつり", "祭り", "祭", "フェスタ", "フェア",
                                        "フェスティバル", "マルシェ", "DAY", "Day", "デー", "大会", "ワークショップ", "プロジェクト",
                                        "活動", "制度", "会議", "研修", "訓練", "プログラム", "システム", "スタイル"].map(S)

    /// Whether `name` names an activity or a programme by its last word.
    static func isActivity(_ name: [Unicode.Scalar]) -> Bool {
        activityWords.contains { name.hasSuffix($0) }
    }
}
