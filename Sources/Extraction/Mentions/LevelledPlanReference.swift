/// A reference to an item of a plan that documents cite by numbered levels, such as
/// 横浜市中期計画's テーマ / 戦略 / 政策 (the levels are the lexicon's, see
/// ``Lexicon/LevelledPlan``):
///
///     中期計画：テーマ 03 戦略５ 政策 26          → テーマ03 戦略5 政策26
///     中期計画：テーマ 05 戦略３ 政策 18・19      → 政策18 and 政策19
///     中期計画 Theme 05 ／ 戦略 8 ／ 政策 35・36    → 政策35 and 政策36
///     中期計画 テーマ5・戦略8・政策35、テーマ2・戦略2・政策9 → two references
///     中期計画の基本戦略に関連するテーマ【01】【02】 → テーマ01 and テーマ02
///
/// Names follow the guideline: `横浜市中期計画 テーマ03 戦略5 政策26`, each level's
/// number written with the level's digits, each node `within` the one above it.
struct LevelledPlanReference: Equatable, Sendable {
    /// The number at each level, from the top; nil for a level the citation skips.
    var numbers: [Int?]

    /// The plan nodes from the root down to this item, each with its `within`.
    func nodes(of plan: Lexicon.LevelledPlan) -> [PlanNode] {
        var result = [PlanNode(name: plan.name, within: nil)]
        var name = plan.name
        for (level, number) in zip(plan.levels, numbers) {
            guard let number else { continue }
            let digits = String(number)
            let next = name + " " + level.name + String(repeating: "0", count: Swift.max(0, level.digits - digits.count)) + digits
            result.append(PlanNode(name: next, within: name))
            name = next
        }
        return result
    }

    /// The references written after the plan's name, which ends at `start`, and the
    /// index just after the last number read (`start` when there is none: a bare
    /// mention of the plan). The citation runs at most to a closing bracket, a full
    /// stop or a hard stop, 80 characters on; a name after its numbers
    /// (`…政策35、新たな横浜市地震防災戦略`) is left for the other scanners.
    static func parse(_ text: [Unicode.Scalar], from start: Int, levels: [Lexicon.LevelledPlan.Level]) -> (references: [LevelledPlanReference], end: Int) {
        var limit = start
        while limit < text.count, limit - start < 80, !citationStops.contains(text[limit]) || isBreadcrumbStep(text, at: limit, levels: levels) {
            limit += 1
        }
        var references: [LevelledPlanReference] = []
        var values = [Int?](repeating: nil, count: levels.count)
        var depth = 0
        var pending = false
        var end = start
        func emit(through level: Int) { references.append(LevelledPlanReference(numbers: Array(values[0...level]))) }
        var i = start
        while i < limit {
            guard let (k, length) = keyword(in: text, at: i, levels: levels) else { i += 1; continue }
            let (numbers, next) = numberList(text, from: i + length, end: limit)
            i = next
            guard let last = numbers.last else { continue }  // 基本戦略 has no number
            end = next
            if pending && k <= depth - 1 { emit(through: depth - 1) }
            pending = false
            for n in numbers.dropLast() {
                values[k] = n
                emit(through: k)
            }
            values[k] = last
            for deeper in (k + 1)..<Swift.max(k + 1, levels.count) { values[deeper] = nil }
            depth = k + 1
            if k == levels.count - 1 { emit(through: k) } else { pending = true }
        }
        if pending { emit(through: depth - 1) }
        return (references, end)
    }

    /// The level whose spelling starts at `i`, and the spelling's length.
    private static func keyword(in text: [Unicode.Scalar], at i: Int, levels: [Lexicon.LevelledPlan.Level]) -> (Int, Int)? {
        for (k, level) in levels.enumerated() {
            if let spelling = level.keys.first(where: { text.matches($0, at: i) }) { return (k, spelling.count) }
        }
        return nil
    }

    /// `テーマ05 ＞ 戦略8`: a `>` that leads on to a level is a step of a breadcrumb,
    /// not the end of a bracket.
    private static func isBreadcrumbStep(_ text: [Unicode.Scalar], at i: Int, levels: [Lexicon.LevelledPlan.Level]) -> Bool {
        guard text[i] == ">" || text[i] == "＞" else { return false }
        var j = i + 1
        while j < text.count, text[j] == " " { j += 1 }
        return j < text.count && keyword(in: text, at: j, levels: levels) != nil
    }

    private static let citationStops: Set<Unicode.Scalar> = [">", "＞", "。", ")", "）", "」", LogicalText.hardStop]

    /// `03`, `5`, `18・19`, `【01】【02】`, `18~20`, `35/` after a keyword, and the
    /// index after them (after the separators that follow the last one).
    static func numberList(_ text: [Unicode.Scalar], from start: Int, end: Int) -> ([Int], Int) {
        var numbers: [Int] = []
        var i = start
        var afterLast = start
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
                afterLast = i
                continue
            }
            // `／第４期…計画`: the term of another plan, not a number of this one.
            if text[i] == "第", NameMorphology.term(startingAt: i, in: text) != nil { break }
            if skippable.contains(text[i]) || (rangeDash(text[i]) && !numbers.isEmpty) {
                i += 1
                continue
            }
            break
        }
        return (numbers, numbers.isEmpty ? i : Swift.max(afterLast, closingBracketEnd(text, afterLast, end)))
    }

    /// `【01】`: the closing bracket right after the last number belongs to the citation.
    private static func closingBracketEnd(_ text: [Unicode.Scalar], _ i: Int, _ end: Int) -> Int {
        i < end && (text[i] == "】" || text[i] == "]") ? i + 1 : i
    }

    /// What may stand between and around the numbers of a list.
    private static let skippable: Set<Unicode.Scalar> = [" ", ":", "：", "第", "【", "】", "(", "[", "]", "・", "、", ",", "及", "び", "/"]

    private static func rangeDash(_ s: Unicode.Scalar) -> Bool {
        s == "~" || s == "～" || s == "〜" || s == "-"
    }
}

/// A plan, with the plan it is part of.
struct PlanNode: Hashable, Sendable {
    var name: String
    var within: String?
}
