/// Plan names recognised by their form alone (steps 4–6 of ``PlanRecognizer``).
enum PlanNamePatterns {
    /// Stems that make a generic word, not the name of a plan.
    static let genericStems: Set<String> = ["基本", "行動", "次期", "本", "同", "各", "当該", "実施", "事業", "整備", "個別",
                                            "中期", "長期", "短期", "最上位", "上位", "国際", "数値", "成果", "年度", "区", "市"]

    /// Plan names in `s` with their ranges.
    static func names(in s: [Unicode.Scalar]) -> [(Range<Int>, String)] {
        var result: [(Range<Int>, String)] = []
        var taken: [Range<Int>] = []
        func add(_ range: Range<Int>) {
            guard !taken.contains(where: { $0.overlaps(range) }) else { return }
            taken.append(range)
            result.append((range, Array(s[range]).string))
        }
        // 4. 第N期 / 第N次 + name + plan word.
        for i in s.indices where s[i] == "第" {
            guard let term = NameMorphology.term(startingAt: i, in: s) else { continue }
            let end = NameMorphology.nameEnd(in: s, from: term.end, allowNo: true)
            if let suffixEnd = firstPlanWordEnd(in: s, from: term.end, to: end), suffixEnd - term.end >= 4,
               s[term.end] != "の" {
                add(i..<suffixEnd)
            }
        }
        // 5. 「…plan word…」.
        for i in s.indices where s[i] == "「" {
            guard let close = NameMorphology.closingQuote(in: s, openingAt: i) else { continue }
            let inner = (i + 1)..<close
            if let suffixEnd = lastPlanWordEnd(in: s, inner: inner), suffixEnd - inner.lowerBound >= 4 {
                let after = suffixEnd == close ? nil : s[suffixEnd]
                if after == nil || after == "の" || after == "(" {
                    add(inner.lowerBound..<suffixEnd)
                }
            }
        }
        // 6. An administration's named plan: 泉区アクションプラン, 磯子区まちづくり方針
        //    (but not the document's own kind, 区運営方針).
        for i in s.indices {
            guard let suffix = administrationPlanSuffixes.first(where: { s.matches($0, at: i) }) else { continue }
            let end = i + suffix.count
            guard end >= s.count || !notAfterSuffix.contains(s[end]) else { continue }
            var start = NameMorphology.nameStart(in: s, endingAt: i)
            // A footnote's number (`※6横浜市…`) is no part of the name.
            if start > 0, s[start - 1] == "※" || s[start - 1] == "*" {
                while start < i, ScalarClass.isASCIIDigit(s[start]) { start += 1 }
            }
            let stem = Array(s[start..<i])
            guard stem.count >= 3, !genericStems.contains(stem.string), !stem.hasSuffix(management),
                  stem.contains("区") || stem.contains("市") else { continue }
            if NameMorphology.term(endingAt: start, in: s) != nil { continue }  // step 4 handles it
            add(start..<periodEnd(in: s, from: end))
        }
        return result
    }

    /// The end of a plan's period written after its name (`…計画2018～2021`,
    /// `…プラン2022-2025`): part of the name, which tells one period's plan from the next.
    static func periodEnd(in s: [Unicode.Scalar], from end: Int) -> Int {
        func year(at k: Int) -> Bool { k + 4 <= s.count && s[k..<(k + 4)].allSatisfy(ScalarClass.isASCIIDigit) }
        guard year(at: end), end + 4 < s.count, "~～〜-－".unicodeScalars.contains(s[end + 4]), year(at: end + 5) else { return end }
        return end + 9
    }

    /// The plan words, and 方針 (a policy an administration names as it names a plan).
    private static let administrationPlanSuffixes = PlanRecognizer.planSuffixes + [S("方針")]
    private static let management = S("運営")

    private static let notAfterSuffix: Set<Unicode.Scalar> = ["的", "値", "性", "書", "表", "案", "額", "数", "量"]

    /// The end of the first plan word in `from..<to` that is not followed by a letter
    /// continuing the word (計画的).
    private static func firstPlanWordEnd(in s: [Unicode.Scalar], from: Int, to: Int) -> Int? {
        var i = from
        while i < to {
            if let suffix = PlanRecognizer.planSuffixes.first(where: { s.matches($0, at: i) }), i + suffix.count <= to {
                let end = i + suffix.count
                if end >= s.count || !notAfterSuffix.contains(s[end]) { return end }
            }
            i += 1
        }
        return nil
    }

    /// The end of the last plan word inside a quotation.
    private static func lastPlanWordEnd(in s: [Unicode.Scalar], inner: Range<Int>) -> Int? {
        var best: Int?
        var i = inner.lowerBound
        while i < inner.upperBound {
            if let suffix = PlanRecognizer.planSuffixes.first(where: { s.matches($0, at: i) }), i + suffix.count <= inner.upperBound {
                best = i + suffix.count
                i += suffix.count
            } else {
                i += 1
            }
        }
        return best
    }
}
