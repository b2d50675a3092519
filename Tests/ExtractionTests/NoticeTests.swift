import Testing
@testable import Extraction

/// The notices of what was not understood: one of each kind where the document
/// holds it, with the line and the measure it belongs to; none of the structural
/// kinds on the annotated documents, whose outline is read whole.
@Suite struct NoticeTests {
    static let document = """
    令和７年度　都筑区運営方針
    Ⅱ　目標達成に向けた施策
    ◆ 地域づくりの推進
    ・地区センターを拠点とした活動を支援します。
    ア　防災力の向上
    ・つづきボランティアネットと連携し、訓練を行います。
    　（関連計画：つづき防災ビジョン２０３０）
    施策３ 番号の飛んだ見出し
      番号    取組名              主な内容
      1-1     ＿＿                公園の清掃

    【関連する計画】
      9-9  中期計画 テーマ2・戦略2・政策9
    Ⅲ　目標達成に向けた組織運営
    　窓口の案内は地域力推進担当が調整します。
    """

    @Test func eachKindIsNoticedOnItsLine() throws {
        let doc = try DocumentExtractor(lexicon: try Corpus.lexicon()).extract(bytes: Array(Self.document.utf8), fileName: "gaps.txt")
        let notices = doc.notices.map { "\($0.line) \($0.kind.rawValue) \($0.name ?? "-") \($0.measure ?? "-")" }
        #expect(notices == [
            "6 organisation-like name not taken as a partner つづきボランティアネット m2",
            "7 plan-like citation not resolved つづき防災ビジョン2030 m2",
            "8 unplaced heading 番号の飛んだ見出し -",
            "10 table row not read - m1",
            "13 plan-like citation not resolved 横浜市中期計画 テーマ02 戦略2 政策9 -",
            "15 unit-like name not taken as a section 地域力推進担当 -",
        ])
    }

    @Test func anInitiativeBeforeAnyPolicyHasNoParent() throws {
        let text = "令和７年度　都筑区運営方針\nⅡ　目標達成に向けた施策\n主な事業\n・公園の清掃活動\n　地域の皆様と公園を清掃します。\n"
        let doc = try DocumentExtractor(lexicon: try Corpus.lexicon()).extract(bytes: Array(text.utf8), fileName: "orphan.txt")
        #expect(doc.measures.isEmpty)
        #expect(doc.notices.map(\.kind) == [.itemWithoutParent])
        #expect(doc.notices.first?.name == "公園の清掃活動")
    }

    @Test func aNameBeforeACollaborationCueIsNoticedWhenNothingKnowsIt() throws {
        let text = """
        令和７年度　都筑区運営方針
        Ⅱ　目標達成に向けた施策
        １　魅力あるまちづくり
        　つづき里山ネットワークと連携し、里山の保全を進めます。
        """
        let doc = try DocumentExtractor(lexicon: try Corpus.lexicon()).extract(bytes: Array(text.utf8), fileName: "cue.txt")
        let notice = try #require(doc.notices.first { $0.name == "つづき里山ネットワーク" })
        #expect(notice.kind == .organisationNotTaken)
        #expect(notice.measure == "m1")
    }

    /// A group's name before what a measure supports is offered; an activity there
    /// (`訓練を支援`), a vague group (自主グループ) and a campus cut from a university
    /// found (`…大学すずかけ台キャンパスと連携`) are not.
    @Test func aGroupBeforeASupportCueIsNoticed() throws {
        let text = """
        令和７年度　都筑区運営方針
        Ⅱ　目標達成に向けた施策
        １　魅力あるまちづくり
        　つづき見守り隊の活動を支援します。また、こうなんボランティアネットへの支援を行います。
        　拠点の訓練を支援し、自主グループの活動を支援します。
        　東京工業大学すずかけ台キャンパスと連携し、講座を開きます。
        """
        let doc = try DocumentExtractor(lexicon: try Corpus.lexicon()).extract(bytes: Array(text.utf8), fileName: "support.txt")
        #expect(Set(doc.notices.filter { $0.kind == .organisationNotTaken }.compactMap(\.name)) == ["つづき見守り隊", "こうなんボランティアネット"])
        #expect(!doc.edges.contains { $0.to == "つづき見守り隊" })
    }

    /// A line that stands like a policy without a marker, with initiatives under it,
    /// in a document that numbers its policies, is read as text and reported.
    @Test func aPolicyWithoutItsMarkerIsNoticed() throws {
        let text = """
        令和７年度　都筑区運営方針
        Ⅱ　目標達成に向けた施策
        １　安全・安心なまち
        　防災力を高めます。
        ○　地域防災拠点の機能強化
        　拠点の訓練を支援します。

        にぎわいのあるまち
        　商店街とともに進めます。
        ○　商店街の活性化
        　商店街と協力します。
        """
        let doc = try DocumentExtractor(lexicon: try Corpus.lexicon()).extract(bytes: Array(text.utf8), fileName: "unmarked.txt")
        #expect(doc.notices.map { "\($0.line) \($0.kind.rawValue) \($0.name ?? "-")" } == ["8 unplaced heading にぎわいのあるまち"])
    }

    /// Citations by levels that no measure took, anywhere in the document (a list of
    /// plans after the policies whose rows were not read), are reported.
    @Test func citationsOutsideEveryMeasureAreNoticedAfterThePolicies() throws {
        let text = """
        令和７年度　都筑区運営方針
        Ⅱ　目標達成に向けた施策
        １　魅力あるまちづくり
        　里山の保全を進めます。
        Ⅲ　目標達成に向けた組織運営
        　職員が寄り添います。
        　里山の保全 ＝ 中期計画 テーマ 4 戦略 7 政策 31
        """
        let doc = try DocumentExtractor(lexicon: try Corpus.lexicon()).extract(bytes: Array(text.utf8), fileName: "after.txt")
        #expect(doc.notices.map { "\($0.line) \($0.kind.rawValue) \($0.name ?? "-")" } == [
            "7 plan-like citation not resolved 横浜市中期計画 テーマ04 戦略7 政策31",
        ])
    }

    /// A name with Latin letters before a cue is a proper name: it needs no lexicon entry.
    @Test func aLatinNameBeforeACollaborationCueIsAPartnerWithoutTheLexicon() throws {
        let full = try Corpus.lexicon()
        let lexicon = full.removing(partners: { $0.canonical == "JA横浜" }, plans: { _ in false })
        let doc = try Corpus.extract("totsuka-r8.txt", lexicon: lexicon)
        #expect(!doc.notices.contains { $0.name == "JA横浜" })
        let measure = try #require(doc.measures.first { $0.title == "「とつかの農」の魅力発信" })
        #expect(doc.edges.contains { $0.from == measure.id && $0.type == .partnersWith && $0.to == "JA横浜" })
    }

    @Test(arguments: Corpus.allDocuments)
    func theAnnotatedOutlinesAreReadWhole(_ name: String) throws {
        let doc = try Corpus.extract(name, lexicon: try Corpus.lexicon())
        let structural: Set<ExtractionNotice.Kind> = [.unplacedHeading, .itemWithoutParent, .unreadTableRow]
        #expect(doc.notices.filter { structural.contains($0.kind) }.isEmpty)
    }
}
