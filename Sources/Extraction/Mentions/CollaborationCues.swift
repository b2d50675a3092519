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
