/// A reference to an item of 横浜市中期計画: a theme, a strategy within it, a policy
/// within that.
///
///     中期計画：テーマ 03 戦略５ 政策 26        → テーマ03 戦略5 政策26
///     中期計画：テーマ 05 戦略３ 政策 18・19    → 政策18 and 政策19
///     中期計画の基本戦略に関連するテーマ【01】【02】 → テーマ01 and テーマ02
///
/// Names follow the guideline: `横浜市中期計画 テーマ03 戦略5 政策26`, テーマ with two
/// digits, the others without leading zeros; each is `within` the one above it.
struct MidTermPlanReference: Equatable, Sendable {
    var theme: Int?
    var strategy: Int?
    var policy: Int?

    /// The plan nodes from the root down to this item, each with its `within`.
    func nodes(root: String) -> [PlanNode] {
        var result = [PlanNode(name: root, within: nil)]
        var name = root
        func add(_ part: String) {
            let next = name + " " + part
            result.append(PlanNode(name: next, within: name))
            name = next
        }
        if let theme { add("テーマ" + (theme < 10 ? "0\(theme)" : "\(theme)")) }
        if let strategy { add("戦略\(strategy)") }
        if let policy { add("政策\(policy)") }
        return result
    }

    /// The references written after `中期計画` ending at `start`, and the index where
    /// the citation ends. The citation runs to a closing bracket, a full stop or a
    /// hard stop, at most 60 characters.
    static func parse(_ text: [Unicode.Scalar], from start: Int) -> (references: [MidTermPlanReference], end: Int) {
        var end = start
        while end < text.count, end - start < 60, !citationStops.contains(text[end]) { end += 1 }
        var references: [MidTermPlanReference] = []
        var theme: Int?, strategy: Int?
        var themeUsed = true, strategyUsed = true
        func flush() {
            if !strategyUsed { references.append(MidTermPlanReference(theme: theme, strategy: strategy)); strategyUsed = true; themeUsed = true }
            if !themeUsed { references.append(MidTermPlanReference(theme: theme)); themeUsed = true }
        }
        var i = start
        while i < end {
            let keyword: Int
            if text.matches(themeWord, at: i) { keyword = 0; i += 3 }
            else if text.matches(strategyWord, at: i) { keyword = 1; i += 2 }
            else if text.matches(policyWord, at: i) { keyword = 2; i += 2 }
            else { i += 1; continue }
            let (numbers, next) = numberList(text, from: i, end: end)
            i = next
            guard !numbers.isEmpty else { continue }  // 基本戦略 has no number
            switch keyword {
            case 0:
                flush()
                for n in numbers.dropLast() { references.append(MidTermPlanReference(theme: n)) }
                theme = numbers.last
                themeUsed = false
                strategy = nil
            case 1:
                if !strategyUsed { references.append(MidTermPlanReference(theme: theme, strategy: strategy)) }
                for n in numbers.dropLast() { references.append(MidTermPlanReference(theme: theme, strategy: n)) }
                strategy = numbers.last
                strategyUsed = false
                themeUsed = true
            default:
                for n in numbers { references.append(MidTermPlanReference(theme: theme, strategy: strategy, policy: n)) }
                themeUsed = true
                strategyUsed = true
            }
        }
        flush()
        return (references, end)
    }

    private static let citationStops: Set<Unicode.Scalar> = [">", "＞", "。", ")", "）", "」", LogicalText.hardStop]
    private static let themeWord = S("テーマ"), strategyWord = S("戦略"), policyWord = S("政策")

    /// `03`, `5`, `18・19`, `【01】【02】`, `18~20` after a keyword.
    static func numberList(_ text: [Unicode.Scalar], from start: Int, end: Int) -> ([Int], Int) {
        var numbers: [Int] = []
        var i = start
        while i < end {
            if ScalarClass.isASCIIDigit(text[i]) {
                var value = 0
                var digits = 0
                while i < end, ScalarClass.isASCIIDigit(text[i]), digits < 3 {
                    value = value * 10 + Int(text[i].value - 0x30)
                    i += 1
                    digits += 1
                }
                if let last = numbers.last, i - digits - 1 >= start, rangeDash(text[i - digits - 1]), value > last, value - last <= 10 {
                    numbers.append(contentsOf: (last + 1)...value)
                } else {
                    numbers.append(value)
                }
                continue
            }
            if skippable.contains(text[i]) || (rangeDash(text[i]) && !numbers.isEmpty) {
                i += 1
                continue
            }
            break
        }
        return (numbers, i)
    }

    /// What may stand between and around the numbers of a list.
    private static let skippable: Set<Unicode.Scalar> = [" ", ":", "：", "第", "【", "】", "(", "[", "]", "・", "、", ",", "及", "び"]

    private static func rangeDash(_ s: Unicode.Scalar) -> Bool {
        s == "~" || s == "～" || s == "〜" || s == "-"
    }
}

/// A plan, with the plan it is part of.
struct PlanNode: Hashable, Sendable {
    var name: String
    var within: String?
}
