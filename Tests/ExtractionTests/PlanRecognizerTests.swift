import Testing
@testable import Extraction

/// Plan references by form: the ward's 地域福祉保健計画 in its many shapes, lexicon
/// plans with their term, 第N期/第N次 plans, quoted plans and a ward's named plans;
/// generic words rejected.
@Suite struct PlanRecognizerTests {
    struct Case: CustomStringConvertible, Sendable {
        var text: String
        var plans: [String]
        var ward = "泉区"
        /// Text elsewhere in the document (where the plan's nickname may be learnt).
        var document = ""
        var description: String { text }
    }

    static let cases: [Case] = [
        Case(text: "第５期泉わくわくプラン（泉区地域福祉保健計画）の策定や", plans: ["第5期泉区地域福祉保健計画「泉わくわくプラン」"]),
        Case(text: "・泉わくわくプラン（泉区地域福祉保健計画）を区民の皆様に", plans: ["第5期泉区地域福祉保健計画「泉わくわくプラン」"],
             document: "第５期泉区地域福祉保健計画の策定に向け"),
        Case(text: "「ひとつプラン港北」（地域福祉保健計画）第5期の策定 第4期の総仕上げ、第5期計画を策定", plans: [
            "第5期港北区地域福祉保健計画「ひとつプラン港北」", "第4期港北区地域福祉保健計画「ひとつプラン港北」",
            "第5期港北区地域福祉保健計画「ひとつプラン港北」",
        ], ward: "港北区"),
        Case(text: "「港南ひまわりプラン」の策定・推進に地域と共に取り組みます。", plans: ["第4期港南区地域福祉保健計画「港南ひまわりプラン」"],
             ward: "港南区", document: "「第４期港南ひまわりプラン（地域福祉保健計画）」の推進"),
        Case(text: "第４期金沢区地域福祉保健計画（３年度～７年度）を推進します。", plans: ["第4期金沢区地域福祉保健計画"], ward: "金沢区"),
        Case(text: "地区別計画の作成を支援します。", plans: ["第5期泉区地域福祉保健計画", "地区別計画"], document: "第5期泉区地域福祉保健計画"),
        Case(text: "新たな地震防災戦略等を踏まえ", plans: ["新たな横浜市地震防災戦略"]),
        Case(text: "開催まで500日、横浜グリーンエクスポ装飾", plans: ["GREEN×EXPO 2027"]),
        Case(text: "GREEN × EXPO 2027 の期待感", plans: ["GREEN×EXPO 2027"]),
        Case(text: "第３期健康横浜２１の推進", plans: ["第3期健康横浜21"]),
        Case(text: "特別市など市の重点施策に", plans: ["特別市"]),
        Case(text: "第４期金沢区子育て支援の協働の指針を踏まえ", plans: ["第4期金沢区子育て支援の協働の指針"], ward: "金沢区"),
        Case(text: "読書活動の推進や第三次港北区読書活動推進目標の策定", plans: ["第三次港北区読書活動推進目標"], ward: "港北区"),
        Case(text: "「子ども向け脱炭素イベント」「プラ5.3計画の推進」等", plans: ["プラ5.3計画"]),
        Case(text: "・泉区アクションプランを推進し", plans: ["泉区アクションプラン"]),
        Case(text: "次期プランを一緒に作りあげていく", plans: []),
        Case(text: "議論しながら区計画の策定を進めます。", plans: []),
        Case(text: "Ⅰ 基本目標 行動指針 計画的に進める", plans: []),
        Case(text: "横浜市中期計画の基本戦略を踏まえ", plans: []),
        // A term, any name and the ward plan's own name in brackets: the name is its nickname.
        Case(text: "第５期保土ケ谷ほっとなまちづくり（保土ケ谷区地域福祉保健計画）がスタートします。",
             plans: ["第5期保土ケ谷区地域福祉保健計画「保土ケ谷ほっとなまちづくり」"], ward: "保土ケ谷区"),
        // The plan's period in brackets after its name does not hide the citation.
        Case(text: "（中期計画（2022～2025）：テーマ５　戦略８　政策３５）", plans: [
            "横浜市中期計画", "横浜市中期計画 テーマ05", "横浜市中期計画 テーマ05 戦略8", "横浜市中期計画 テーマ05 戦略8 政策35",
        ]),
        // A term of a plan without a name, in a document that cites its ward plan by terms.
        Case(text: "第５期計画の初年度として、周知を図ります。", plans: ["第5期緑区地域福祉保健計画"], ward: "緑区",
             document: "第４期緑区地域福祉保健計画の最終年度"),
        Case(text: "第５期の初年度として", plans: [], ward: "緑区", document: "第４期緑区地域福祉保健計画の最終年度"),
        // Levels named without their plan (a table's column names it) from the top level down.
        Case(text: "テーマ5・戦略8・政策35", plans: [
            "横浜市中期計画", "横浜市中期計画 テーマ05", "横浜市中期計画 テーマ05 戦略8", "横浜市中期計画 テーマ05 戦略8 政策35",
        ]),
        Case(text: "テーマ5の講座を開きます。戦略8", plans: []),
        Case(text: "〔中期計画2026-2029：テーマ01 戦略1 政策4〕", plans: [
            "横浜市中期計画", "横浜市中期計画 テーマ01", "横浜市中期計画 テーマ01 戦略1", "横浜市中期計画 テーマ01 戦略1 政策4",
        ]),
    ]

    @Test(arguments: cases)
    func recognisesPlans(_ c: Case) throws {
        let scan = { (s: String) in TextNormalizer.compactScalars(TextNormalizer.display(s)) }
        let context = WelfarePlanContext(ward: c.ward, documentText: scan(c.document) + [LogicalText.hardStop] + scan(c.text))
        let recognizer = PlanRecognizer(lexicon: try Corpus.lexicon(), welfare: context)
        var text = LogicalText()
        text.append(scan(c.text), line: 3, joined: false)
        let mentions = recognizer.mentions(in: text)
        #expect(mentions.flatMap(\.nodes).map(\.name) == c.plans)
    }

    @Test func aNicknameWrappedBeforeItsBracketIsLearnt() throws {
        let lines = ["子育て世代から、第４期かながわ支え愛プラン", "（神奈川区地域福祉保健計画）を推進します。"]
            .enumerated().map { SourceLine(number: $0 + 1, raw: $1) }
        let joined = LogicalText(segment: [0, 1], lines: lines, kinds: LineClassifier.classify(lines)).scalars
        let context = WelfarePlanContext(ward: "神奈川区", documentText: joined)
        #expect(context.nickname == "かながわ支え愛プラン")
        #expect(context.terms == [4])
    }

    @Test func aListOfPoliciesDoesNotRunOnToTheNextLine() throws {
        let lines = ["防犯の取組を進めます（中期計画：テーマ２ 戦略２ 政策９", "３警察署と合同で、キャンペーンを行います。"]
            .enumerated().map { SourceLine(number: $0 + 1, raw: $1) }
        let text = LogicalText(segment: [0, 1], lines: lines, kinds: LineClassifier.classify(lines))
        let context = WelfarePlanContext(ward: "中区", documentText: text.scalars)
        let mentions = PlanRecognizer(lexicon: try Corpus.lexicon(), welfare: context).mentions(in: text)
        #expect(mentions.map(\.target.name) == ["横浜市中期計画 テーマ02 戦略2 政策9"])
    }

    @Test func theDistrictPlanIsWithinTheWardPlan() throws {
        let context = WelfarePlanContext(ward: "泉区", documentText: S("第5期泉区地域福祉保健計画"))
        var text = LogicalText()
        text.append(S("地区別計画の作成"), line: 1, joined: false)
        let mention = try #require(PlanRecognizer(lexicon: try Corpus.lexicon(), welfare: context).mentions(in: text).first)
        #expect(mention.target == PlanNode(name: "地区別計画", within: "第5期泉区地域福祉保健計画"))
    }
}
