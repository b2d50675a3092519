import Testing
@testable import Extraction

/// Lines that carry layout (captions, page numbers, part headers, titles, section
/// lists) must be told apart from content, and never become measures.
@Suite struct LineClassifierTests {
    struct Case: CustomStringConvertible, Sendable {
        var raw: String
        var kind: LineKind
        var description: String { raw }
    }

    static let cases: [Case] = [
        Case(raw: "＜ソラトスイベント＞ ", kind: .caption),
        Case(raw: "＜ふれあいまつりでの PR＞ ＜公園愛護会の活動＞ ＜バナーフラッグの設置（庁舎前）＞ ", kind: .caption),
        Case(raw: "≪港南区子育てサイト「ここなび」≫", kind: .caption),
        Case(raw: "＜区局連携促進事業＞ ", kind: .caption),
        Case(raw: "２ ", kind: .pageNumber),
        Case(raw: "- 3 -", kind: .pageNumber),
        Case(raw: "３", kind: .pageNumber),
        Case(raw: "4/12", kind: .pageNumber),
        Case(raw: "― 5 ―", kind: .pageNumber),
        Case(raw: "令和７年度 ", kind: .title),
        Case(raw: "港 南 区 運 営 方 針", kind: .title),
        Case(raw: "      令和４年度 金沢区 運営方針 ", kind: .title),
        Case(raw: "Ⅰ 基本目標 ", kind: .part(.goal)),
        Case(raw: "II 目標達成に向けた施策", kind: .part(.policies)),
        Case(raw: " Ⅲ 目標達成に向けた組織運営 ", kind: .part(.organisation)),
        Case(raw: "２ 目標達成に向けた施策", kind: .part(.policies)),
        Case(raw: "第３ 目標達成に向けた組織運営", kind: .part(.organisation)),
        Case(raw: "Ⅲ GREEN×EXPO 2027に向けた機運醸成の取組等", kind: .part(.headline("GREEN×EXPO 2027に向けた機運醸成の取組等"))),
        Case(raw: "【主な事業・取組】 ", kind: .keyInitiatives),
        Case(raw: "主な取組（Ⅱ 目標達成に向けた施策） ", kind: .keyInitiatives),
        Case(raw: "★ 主な事業・取組は、次頁以降をご覧ください。", kind: .text),
        Case(raw: "区で展開される主な局事業", kind: .bureauProjects),
        Case(raw: "総務課 区政推進課 地域振興課 ", kind: .sectionList([
            SectionName(name: "総務課", written: "総務課"), SectionName(name: "区政推進課", written: "区政推進課"),
            SectionName(name: "地域振興課", written: "地域振興課"),
        ])),
        Case(raw: "保育園（和泉・北上飯田） ", kind: .sectionList([SectionName(name: "保育園", written: "保育園（和泉・北上飯田）")])),
        Case(raw: "総務課・区政推進課・高齢・障害支援課", kind: .sectionList([
            SectionName(name: "総務課", written: "総務課"), SectionName(name: "区政推進課", written: "区政推進課"),
            SectionName(name: "高齢・障害支援課", written: "高齢・障害支援課"),
        ])),
        Case(raw: "高齢・障害支援課", kind: .sectionList([SectionName(name: "高齢・障害支援課", written: "高齢・障害支援課")])),
        Case(raw: "総務課・区政推進課", kind: .sectionList([
            SectionName(name: "総務課", written: "総務課"), SectionName(name: "区政推進課", written: "区政推進課"),
        ])),
        Case(raw: "関係", kind: .text),
        // Units in other block forms: bracketed or bulleted, with a description, beside their group and place.
        Case(raw: "【総務課】", kind: .sectionList([SectionName(name: "総務課", written: "総務課")])),
        Case(raw: "● 区政推進課", kind: .sectionList([SectionName(name: "区政推進課", written: "区政推進課")])),
        Case(raw: "総務課：庁舎管理、防災、統計", kind: .sectionList([SectionName(name: "総務課", written: "総務課")])),
        Case(raw: "区政推進部　　総務課　　地域力推進担当", kind: .sectionList([
            SectionName(name: "総務課", written: "総務課"), SectionName(name: "地域力推進担当", written: "地域力推進担当"),
        ])),
        Case(raw: "戸籍課　　　　045-334-6300", kind: .sectionList([SectionName(name: "戸籍課", written: "戸籍課")])),
        Case(raw: "（担当：区政推進課、南土木事務所）", kind: .sectionNote([
            SectionName(name: "区政推進課", written: "区政推進課"), SectionName(name: "南土木事務所", written: "南土木事務所"),
        ])),
        Case(raw: "課・担当名　　　　窓口", kind: .text),
        Case(raw: "【関連する計画】（番号は上表の取組番号）", kind: .planTable),
        Case(raw: "【関連計画】新たな横浜市地震防災戦略", kind: .text),
        Case(raw: "＜各取組の関連計画＞", kind: .planTable),
        Case(raw: "各取組と中期計画との関係", kind: .planTable),
        Case(raw: "関連する計画等", kind: .planTable),
        Case(raw: "＜中期計画：テーマ01・戦略１・政策１＞", kind: .text),
        Case(raw: "・区内農家や地産地消に関する情報を発信します。", kind: .bullet),
        Case(raw: "- 防犯・交通安全対策の推進", kind: .bullet),
        Case(raw: "※1 避難誘導や避難生活などで支援が必要な方", kind: .note),
        Case(raw: "○「農」の魅力発信", kind: .heading(Heading(marker: .symbol(.circle), title: "「農」の魅力発信"))),
        Case(raw: "○開催まで1年を切ったGREEN×EXPO 2027の開催地元区として、機運を高めます。", kind: .text),
        // Key initiatives in caption brackets; a caption that names a photo.
        Case(raw: "＜主な取組＞", kind: .keyInitiatives),
        Case(raw: "〈主な事業〉", kind: .keyInitiatives),
        Case(raw: "＜主な取組の様子＞", kind: .caption),
        // An organisation chart drawn with box-drawing or ASCII lines; posts and buildings beside units.
        Case(raw: "　区長 ── 副区長 ─┬─ 区政推進部 ──────┬─ 総務課", kind: .sectionList([SectionName(name: "総務課", written: "総務課")])),
        Case(raw: "　　　　　│　　　　　　　│　　└ 地域力推進担当", kind: .sectionList([SectionName(name: "地域力推進担当", written: "地域力推進担当")])),
        Case(raw: "　　　　　│　（センター長）　　　├─ 生活衛生課", kind: .sectionList([SectionName(name: "生活衛生課", written: "生活衛生課")])),
        Case(raw: "  +-- 区政推進課", kind: .sectionList([SectionName(name: "区政推進課", written: "区政推進課")])),
        Case(raw: "  |   `-- 地域振興課", kind: .sectionList([SectionName(name: "地域振興課", written: "地域振興課")])),
        Case(raw: "別庁舎 保土ケ谷土木事務所", kind: .sectionList([SectionName(name: "保土ケ谷土木事務所", written: "保土ケ谷土木事務所")])),
        Case(raw: "戸籍課、税務課、", kind: .sectionList([
            SectionName(name: "戸籍課", written: "戸籍課"), SectionName(name: "税務課", written: "税務課"),
        ])),
        // A numbered part's remark in brackets does not hide the organisation chart.
        Case(raw: "４　中区役所の組織図（令和５年４月１日現在）", kind: .part(.organisation)),
        // Parts under other names and numbers: chapters, the ward's aims, the policies.
        Case(raw: "第１章　区の目指す姿", kind: .part(.goal)),
        Case(raw: "Ⅰ　目指すまちの姿", kind: .part(.goal)),
        Case(raw: "第２章　区の施策", kind: .part(.policies)),
        Case(raw: "２　主な施策", kind: .part(.policies)),
        Case(raw: "２　防災施策の推進", kind: .heading(Heading(marker: .number(2), title: "防災施策の推進"))),
        // Notes of the units in charge in other brackets and words.
        Case(raw: "［担当：総務課・地域振興課］", kind: .sectionNote([
            SectionName(name: "総務課", written: "総務課"), SectionName(name: "地域振興課", written: "地域振興課"),
        ])),
        Case(raw: "担当部署：建築課", kind: .sectionNote([SectionName(name: "建築課", written: "建築課")])),
        // Units in a floor guide or a table with their work, rooms and telephones.
        Case(raw: "総務課　　　　庁舎管理、防災　　　電話 045-978-2300", kind: .sectionList([SectionName(name: "総務課", written: "総務課")])),
        Case(raw: "3階 301号室 戸籍課 TEL 045-978-2230", kind: .sectionList([SectionName(name: "戸籍課", written: "戸籍課")])),
    ]

    @Test(arguments: cases)
    func classifiesTheLine(_ c: Case) {
        #expect(LineClassifier.kind(of: SourceLine(number: 1, raw: c.raw)) == c.kind)
    }

    @Test func aWrappedNumberedHeadingIsJoined() {
        let lines = ["1 安全に、安心して", "暮らせるまちづくり", ""].enumerated().map { SourceLine(number: $0 + 1, raw: $1) }
        let kinds = LineClassifier.classify(lines)
        #expect(kinds[0] == .heading(Heading(marker: .number(1), title: "安全に、安心して暮らせるまちづくり")))
        #expect(kinds[1] == .continuation)
    }

    @Test func aWaveHeadlineClosedOnTheNextLineIsJoined() {
        let lines = ["～「GREEN×EXPO 2027」を転換点とした", "人と環境にやさしいグリーン社会の実現～"]
            .enumerated().map { SourceLine(number: $0 + 1, raw: $1) }
        let kinds = LineClassifier.classify(lines)
        #expect(kinds[0] == .heading(Heading(marker: .wave, title: "「GREEN×EXPO 2027」を転換点とした人と環境にやさしいグリーン社会の実現")))
    }

    @Test func fewerThanThreeUnitLinesAreNotASectionList() {
        let lines = ["総務課", "本文です。"].enumerated().map { SourceLine(number: $0 + 1, raw: $1) }
        #expect(LineClassifier.classify(lines)[0] == .text)
    }
}
