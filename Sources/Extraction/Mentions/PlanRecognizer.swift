/// A plan that a measure's text refers to.
struct PlanMention: Equatable, Sendable {
    /// The plan referred to and, first, the plans it is part of (root first).
    var nodes: [PlanNode]
    /// The spelling in the text when it differs in form from the canonical name.
    var surface: String?
    var line: Int
    /// The line where the citation ends (the levels of one may stand on lines of their own).
    var lastLine: Int? = nil

    var target: PlanNode { nodes[nodes.count - 1] }
    /// The lines the citation spans.
    var lines: ClosedRange<Int> { line...Swift.max(line, lastLine ?? line) }
}

/// What the whole document tells about its ward plan, learnt before measures are read.
struct WelfarePlanContext: Equatable, Sendable {
    var ward: String
    var nickname: String?
    var terms: Set<Int> = []

    /// `第5期泉区地域福祉保健計画「泉わくわくプラン」`.
    func name(term: Int?) -> String {
        let t = term ?? terms.max()
        return (t.map { "第\($0)期" } ?? "") + ward + "地域福祉保健計画" + (nickname.map { "「\($0)」" } ?? "")
    }

    init(ward: String, documentText: [Unicode.Scalar]) {
        self.ward = ward
        let citations = WelfarePlanScanner.citations(in: documentText)
        nickname = citations.lazy.compactMap(\.nickname).first
        terms = Set(citations.compactMap(\.term))
        // `西区地域福祉保健計画（にこまちプラン）の第４期計画` … `第４期にこまちプラン`: the
        // terms may be written only with the nickname.
        if let nickname {
            terms.formUnion(WelfarePlanScanner.nicknameCitations(in: documentText, nickname: nickname, excluding: citations.map(\.range)).compactMap(\.term))
        }
    }
}

/// Finds plan references in a measure's text, in this order (each claims its span):
/// 1. citations of the plan cited by levels, 横浜市中期計画 (see
///    ``LevelledPlanReference``); a bare mention of it is context, not a reference;
/// 2. the ward plan and its 地区別計画 (see ``WelfarePlanScanner``);
/// 3. lexicon plans, with a term prefix kept (`第３期健康横浜２１` → 第3期健康横浜21);
/// 4. `第N期` / `第N次` followed by a name ending in 計画, プラン, 戦略, 指針, 目標, ビジョン;
/// 5. a quoted name ending in one of those words (`「プラ5.3計画の推進」` → プラ5.3計画);
/// 6. an unquoted name ending in one of them whose stem names an administration
///    (区, 市): `泉区アクションプラン`. Generic words (基本目標, 行動指針, 次期プラン,
///    区計画) do not qualify.
struct PlanRecognizer: Sendable {
    let lexicon: Lexicon
    let welfare: WelfarePlanContext

    init(lexicon: Lexicon, welfare: WelfarePlanContext) {
        self.lexicon = lexicon
        self.welfare = welfare
    }

    static let planSuffixes: [[Unicode.Scalar]] = ["プラン", "計画", "戦略", "指針", "目標", "ビジョン"].map(S)

    func mentions(in text: LogicalText) -> [PlanMention] {
        let s = text.scalars
        var taken: [Range<Int>] = []
        var found: [(position: Int, mention: PlanMention)] = []
        func add(_ range: Range<Int>, _ nodes: [PlanNode], surface: String? = nil) {
            taken.append(range)
            let mention = PlanMention(nodes: nodes, surface: surface, line: text.line(at: range.lowerBound),
                                      lastLine: text.line(at: range.upperBound - 1))
            found.append((range.lowerBound, mention))
        }
        func isFree(_ range: Range<Int>) -> Bool { !taken.contains { $0.overlaps(range) } }

        // 1. Citations of the plan cited by levels (中期計画：テーマ…).
        if let plan = lexicon.levelledPlan {
            for (range, references) in Self.levelledCitations(of: plan, in: s) {
                taken.append(range)
                for reference in references { add(range, reference.nodes(of: plan)) }
            }
        }
        // 2. The ward plan.
        let wardPlan = wardPlanCitations(in: s, excluding: taken)
        for citation in wardPlan where isFree(citation.range) {
            // A bare term (第4期) is a reference but not a spelling of the plan's name.
            let spelled = citation.nickname != nil || s[citation.range].contains(where: { $0 == "画" })
            add(citation.range, [PlanNode(name: welfare.name(term: citation.term), within: nil)],
                surface: spelled && citation.range.count > 6 ? Array(s[citation.range]).string : nil)
        }
        var districtFrom = 0
        while let k = s.firstIndex(of: WelfarePlanScanner.districtPlan, from: districtFrom) {
            districtFrom = k + 1
            let range = k..<(k + WelfarePlanScanner.districtPlan.count)
            guard isFree(range) else { continue }
            let parent = wardPlan.isEmpty && welfare.terms.isEmpty && welfare.nickname == nil ? nil : welfare.name(term: nil)
            add(range, (parent.map { [PlanNode(name: $0, within: nil)] } ?? []) + [PlanNode(name: "地区別計画", within: parent)])
        }
        // 3. Lexicon plans, with a term prefix.
        for i in s.indices {
            guard let match = lexicon.planTable.longestMatch(in: s, at: i), isFree(i..<(i + match.length)) else { continue }
            let canonical = lexicon.plans[match.value].canonical
            var range = i..<(i + match.length)
            var name = canonical
            if let term = NameMorphology.term(endingAt: i, in: s) {
                range = term.start..<range.upperBound
                name = Array(s[term.start..<i]).string + canonical
            }
            add(range, [PlanNode(name: name, within: nil)], surface: Array(s[range]).string)
        }
        // 4–6. Plans found by their form.
        for (range, name) in PlanNamePatterns.names(in: s) where isFree(range) {
            add(range, [PlanNode(name: name, within: nil)])
        }
        return found.sorted { $0.position < $1.position }.map(\.mention)
    }

    /// Each citation of `plan` in `s` (a mention of it with the numbers that follow)
    /// and the references it makes; a bare mention is a citation without references,
    /// so that no other scanner takes the plan's name for another plan.
    static func levelledCitations(of plan: Lexicon.LevelledPlan, in s: [Unicode.Scalar]) -> [(Range<Int>, [LevelledPlanReference])] {
        var result: [(Range<Int>, [LevelledPlanReference])] = []
        var i = 0
        while i < s.count {
            guard let spelling = plan.keys.first(where: { s.matches($0, at: i) }) else { i += 1; continue }
            let wordEnd = Self.endOfPeriod(in: s, after: i + spelling.count)
            let (references, numbersEnd) = LevelledPlanReference.parse(s, from: wordEnd, levels: plan.levels)
            // The city's name before the word belongs to the mention (横浜市中期計画).
            var start = i
            while start > 0, i - start < 4, ScalarClass.isKanji(s[start - 1]) { start -= 1 }
            if !s[start..<i].contains("市") { start = i }
            let end = Swift.max(wordEnd, numbersEnd)
            result.append((start..<end, references))
            i = end
        }
        return result + unnamedCitations(of: plan, in: s, outside: result.map(\.0))
    }

    /// Citations by levels whose plan is named elsewhere (in a table's header, a label
    /// above): `テーマ5・戦略8・政策35` alone. They must start at the top level and go
    /// down at least one more, so that a lone `テーマ5` stays a word of the text.
    private static func unnamedCitations(of plan: Lexicon.LevelledPlan, in s: [Unicode.Scalar],
                                         outside named: [Range<Int>]) -> [(Range<Int>, [LevelledPlanReference])] {
        guard let top = plan.levels.first, plan.levels.count >= 2 else { return [] }
        var result: [(Range<Int>, [LevelledPlanReference])] = []
        var i = 0
        while i < s.count {
            guard top.keys.contains(where: { s.matches($0, at: i) }), !named.contains(where: { $0.contains(i) }) else { i += 1; continue }
            let (references, end) = LevelledPlanReference.parse(s, from: i, levels: plan.levels)
            guard end > i, references.contains(where: { $0.numbers.compactMap { $0 }.count >= 2 }) else { i += 1; continue }
            result.append((i..<end, references))
            i = end
        }
        return result
    }

    /// Where a plan's name ends with its period (`中期計画（2022～2025）`,
    /// `中期計画(令和4～7年度)`): after a bracket right behind the name that holds
    /// years and nothing else, so that the numbers after it are read as the citation.
    /// A period written without brackets (`中期計画2026-2029`) needs no skipping: its
    /// digits follow no level's word.
    static func endOfPeriod(in s: [Unicode.Scalar], after end: Int) -> Int {
        guard end < s.count, s[end] == "(", let close = s[(end + 1)...].prefix(16).firstIndex(of: ")") else { return end }
        let inner = s[(end + 1)..<close]
        guard inner.contains(where: ScalarClass.isASCIIDigit),
              inner.allSatisfy({ ScalarClass.isASCIIDigit($0) || periodCharacters.contains($0) }) else { return end }
        return close + 1
    }

    private static let periodCharacters: Set<Unicode.Scalar> = ["~", "～", "〜", "-", "‐", "－", "年", "度", "令", "和", "平", "成", "R", "H", " ", ".", "/"]

    /// Citations of the ward plan: explicit ones, the nickname alone, and bare terms
    /// when the text cites the plan.
    private func wardPlanCitations(in s: [Unicode.Scalar], excluding taken: [Range<Int>]) -> [WelfarePlanScanner.Citation] {
        var citations = WelfarePlanScanner.citations(in: s).filter { c in !taken.contains { $0.overlaps(c.range) } }
        if let nickname = welfare.nickname {
            citations += WelfarePlanScanner.nicknameCitations(in: s, nickname: nickname, excluding: taken + citations.map(\.range))
            // The nickname without the ward's name, in quotes (「ひまわりプラン」 for 港南ひまわりプラン).
            let stem = welfare.ward.hasSuffix("区") ? String(welfare.ward.dropLast()) : welfare.ward
            if nickname.hasPrefix(stem), nickname.count - stem.count >= 4 {
                let short = String(nickname.dropFirst(stem.count))
                citations += WelfarePlanScanner.nicknameCitations(in: s, nickname: short, excluding: taken + citations.map(\.range), quoted: true)
                    .map { WelfarePlanScanner.Citation(term: $0.term, nickname: nickname, range: $0.range) }
            }
        }
        if !citations.isEmpty {
            citations += WelfarePlanScanner.bareTerms(in: s, excluding: taken + citations.map(\.range))
        } else if !welfare.terms.isEmpty {
            // `第５期計画の初年度として`: in a document that cites its ward plan by terms,
            // a term of a plan without a name can only be that plan's.
            citations += WelfarePlanScanner.bareTerms(in: s, excluding: taken).filter { s.matches(WelfarePlanScanner.keikaku, at: $0.range.upperBound - 2) }
        }
        return citations.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }
}
