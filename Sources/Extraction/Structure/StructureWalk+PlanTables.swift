/// Tables of plans: rows, usually after the policies, that give the plans of
/// measures named in their first cell. Documents key the rows in every way a reader
/// can follow:
///
///     1-1       中期計画 テーマ5・戦略8・政策35          by the measure's label
///     視点１    第５期とつかハートプラン                  by a label of its family
///     1-(2)     テーマ05 戦略8 政策36                     by position: policy 1, its second initiative
///     地域防災拠点の機能強化    中期計画 テーマ05 …      by the measure's name
///     がけ地対策の推進：中期計画 テーマ05 …            the name and a colon
///
/// A row whose key names no measure, or more than one, is reported and given to
/// none: a plan attached to the wrong measure is worse than one left out.
extension StructureWalk {
    /// Marks `keys` as labels of things that are no measures: rows keyed by them
    /// belong to none (they are reported).
    mutating func reserve(_ keys: Set<String>) {
        for key in keys { labels[key] = -1 }
    }

    /// Reads line `i` as a row of the table of plans being read: true when it was
    /// one (its text now belongs to its measure, or it was reported), false when the
    /// line ends the table.
    mutating func planTableRow(at i: Int) -> Bool {
        if lines[i].isBlank { return true }
        // A header row under the table's title (`番号　関連する計画`), before any row.
        if kinds[i] == .planTable && planRow == nil { return true }
        switch kinds[i] {
        case .part, .sectionList, .keyInitiatives, .bureauProjects:
            inPlanTable = false
            return false
        default: break
        }
        let keyed = Self.rowKey(lines[i])
        if let row = planRow, keyed.flatMap({ rowMeasure(keyedBy: $0.0) }) == nil, continues(row, at: i) {
            // The rest of a row wrapped onto the next line, or the plans of a key alone
            // on its line: they go where the row goes.
            if let index = row.measure {
                if row.keyOnly { measures[index].segments.append([i]) } else { measures[index].segments[measures[index].segments.count - 1].append(i) }
            } else {
                unmatchedPlanRows.append(i)
            }
            planRow = PlanTableRow(measure: row.measure, line: row.line, keyOnly: false)
            return true
        }
        guard let (key, rest) = keyed else {
            if kinds[i] == .planRow { unmatchedPlanRows.append(i); planRow = PlanTableRow(measure: nil, line: i); return true }
            // A measure's name alone on its line: its plans follow on the next.
            let alone = TextNormalizer.key(String(String.UnicodeScalarView(Self.strippingBullet(lines[i].display))))
            if let index = measure(keyedBy: alone), measures[index].key == alone || measures[index].label == alone {
                planRow = PlanTableRow(measure: index, line: i, keyOnly: true)
                return true
            }
            // What follows the rows of a table of plans is none of their measures' text.
            if planRow != nil { endBlock() }
            inPlanTable = false
            return false
        }
        // A row keyed by a label reads like a heading (`1-1  中期計画…`).
        if let index = rowMeasure(keyedBy: key) {
            measures[index].segments.append([i])
            planRow = PlanTableRow(measure: index, line: i)
            return true
        }
        // A row whose key names no measure still cites plans: report it, read on.
        let citesPlans = PlanRecognizer.planSuffixes.contains { rest.contains($0) }
        let keyScalars = Array(key.unicodeScalars)
        let labelLike = keyScalars.count <= 8 && keyScalars.contains(where: ScalarClass.isASCIIDigit)
        if kinds[i] == .planRow || (citesPlans && (labelLike || keyScalars.count >= 4)) {
            unmatchedPlanRows.append(i)
            planRow = PlanTableRow(measure: nil, line: i)
            return true
        }
        if planRow != nil { endBlock() }
        inPlanTable = false
        return false
    }

    /// The measure other than the current one that line `i` gives plans to by its whole
    /// title, a leader or a colon, and a plan (`地域防災力の向上 …… 中期計画 テーマ5…`), or
    /// by its title alone with the plans led in on the next line (`…… 中期計画…`); and
    /// whether the line held the title alone.
    func namedPlanRow(at i: Int) -> (Int, Bool)? {
        guard !measures.isEmpty else { return nil }
        // Cheap tests first: a row has a leader, a colon or a wide gap, and cites something.
        let compact = lines[i].compact
        let mayCite = (compact.contains(where: ScalarClass.isASCIIDigit) || compact.contains("画") || compact.contains("ン"))
            && (Self.leader(in: compact) != nil || compact.prefix(40).contains(where: { $0 == ":" || $0 == "：" }) || RawSegments.hasInnerGap(lines[i].raw))
        func other(_ key: String) -> Int? {
            let named = measures.indices.filter { measures[$0].key == key }
            return named.count == 1 && named[0] != currentL2 && named[0] != currentL1 ? named[0] : nil
        }
        if mayCite, let (key, rest) = Self.rowKey(lines[i]), key.unicodeScalars.count >= 4,
           PlanRecognizer.planSuffixes.contains(where: { rest.contains($0) }) || rest.contains(where: ScalarClass.isASCIIDigit),
           let index = other(key) {
            return (index, false)
        }
        var next = i + 1
        while next < lines.count, lines[next].isBlank { next += 1 }
        guard next < lines.count, Self.startsWithLeader(lines[next].compact),
              let index = other(TextNormalizer.key(String(String.UnicodeScalarView(Self.strippingBullet(lines[i].display)))))
        else { return nil }
        return (index, true)
    }

    /// Whether line `i` goes on with `row` rather than starting a row: it opens with a
    /// leader (`　　…… 中期計画…` under a key alone), it stands further in than the row's
    /// key, or the row stopped where a list goes on (`…政策 11、` / `テーマ 5 …`). A key
    /// alone must be followed by its plans in one of these ways.
    private func continues(_ row: PlanTableRow, at i: Int) -> Bool {
        let s = lines[i].compact
        guard !s.isEmpty else { return false }
        if Self.startsWithLeader(s) { return true }
        if RawSegments.indent(of: lines[i].raw) > RawSegments.indent(of: lines[row.line].raw) + 1 { return true }
        let above = row.keyOnly ? [] : lines[row.line].compact
        return !row.keyOnly && i > row.line && (above.last.map { Self.listGoesOn.contains($0) } ?? false)
            && lines[(row.line + 1)..<i].allSatisfy(\.isBlank)
    }

    /// Whether `s` (NFKC, where … is ...) opens with a leader: two dots, middle dots or
    /// rules, or an arrow; a single ・ opens a bullet.
    static func startsWithLeader(_ s: [Unicode.Scalar]) -> Bool {
        guard let first = s.first else { return false }
        if first == "→" || first == "⇒" { return true }
        return s.count > 1 && leaderMarks.contains(first) && leaderMarks.contains(s[1])
    }

    private static let listGoesOn: Set<Unicode.Scalar> = ["、", "・", ",", "，", "/", "／"]

    /// The key cell of a row and the rest of its text (NFKC compact): cells apart by a
    /// wide gap, a name and a leader (`地域防災力の向上 …… 中期計画…`, `・・・`, `‥`),
    /// or a name and a colon; a leading bullet is no part of the key.
    static func rowKey(_ line: SourceLine) -> (String, [Unicode.Scalar])? {
        let cells = RawSegments.segments(of: line.raw, minimumGap: 2)
        var key: String
        let s = line.compact
        if cells.count >= 2 {
            key = TextNormalizer.key(cells[0].text)
        } else if let leader = leader(in: s) {
            key = Array(s[..<leader.lowerBound]).string
            return keyed(key, rest: Array(s[leader.upperBound...]))
        } else {
            guard let colon = s.prefix(40).firstIndex(where: { $0 == ":" || $0 == "：" }), colon > 0 else { return nil }
            key = Array(s[..<colon]).string
        }
        let keyScalars = strippingBullet(key)
        guard !keyScalars.isEmpty, let at = s.firstIndex(of: keyScalars) else { return keyScalars.isEmpty ? nil : (keyScalars.string, s) }
        var rest = Array(s[(at + keyScalars.count)...])
        while let first = rest.first, first == ":" || first == "：" { rest.removeFirst() }
        return (keyScalars.string, rest)
    }

    private static func keyed(_ key: String, rest: [Unicode.Scalar]) -> (String, [Unicode.Scalar])? {
        let keyScalars = strippingBullet(key)
        return keyScalars.isEmpty ? nil : (keyScalars.string, rest)
    }

    static func strippingBullet(_ key: String) -> [Unicode.Scalar] {
        var keyScalars = Array(key.unicodeScalars)
        while let first = keyScalars.first, LineShapes.bulletMarks.contains(first) || SymbolClass(first) != nil { keyScalars.removeFirst() }
        return keyScalars
    }

    /// The leader between a key and its value, as a table of contents leads from an
    /// entry to its page: an ellipsis (`…`, `‥`) or an arrow (`→`), or a run of two or
    /// more dots, middle dots, rules or angles (`・・・`, `...`, `――`, `>>`), after a key
    /// of some length and before text.
    static func leader(in s: [Unicode.Scalar]) -> Range<Int>? {
        var i = 2
        while i < s.count - 1, i < 60 {
            guard leaderMarks.contains(s[i]) else { i += 1; continue }
            var end = i
            while end < s.count, leaderMarks.contains(s[end]) { end += 1 }
            let single = end - i == 1
            if (!single || ellipses.contains(s[i])), end < s.count, ScalarClass.isLetter(s[end]) || ScalarClass.isASCIIDigit(s[end]) {
                return i..<end
            }
            i = end
        }
        return nil
    }

    /// Leaders that lead alone: an ellipsis, an arrow.
    private static let ellipses: Set<Unicode.Scalar> = ["…", "‥", "⋯", "→", "⇒", "➡"]
    private static let leaderMarks: Set<Unicode.Scalar> = ["…", "‥", "・", "･", ".", "．", "―", "─", "━", "－", "-", "⋯", ">", "＞", "→", "⇒", "➡"]

    /// The measure a row's key names: in a table about one policy, a bare number
    /// counts that policy's initiatives (their label, else their place); otherwise
    /// as `measure(keyedBy:)`.
    func rowMeasure(keyedBy key: String) -> Int? {
        if let scope = planTableScope, let number = Int(key), number > 0 {
            let children = measures.indices.filter { measures[$0].parent == scope }
            if let labelled = Self.only(children.filter { measures[$0].label.flatMap { HeadingParser.bareMarker($0)?.label ?? $0 } == key }) {
                return labelled
            }
            return number <= children.count ? children[number - 1] : nil
        }
        return measure(keyedBy: key)
    }

    /// The policy a table of plans names in its title: as a heading of key initiatives
    /// would (`施策１の主な取組`), or by a word for a policy and its number (`施策３の
    /// 取組と関連する計画` in a document whose policies are numbered １, ２, ３).
    func policyNamed(byPlanTableTitle compact: [Unicode.Scalar]) -> Int? {
        if let index = policyNamed(byKeyInitiatives: compact) { return index }
        var numbers: Set<Int> = []
        var i = 0
        while i < compact.count {
            guard ScalarClass.isASCIIDigit(compact[i]) else { i += 1; continue }
            var number = 0, end = i
            while end < compact.count, ScalarClass.isASCIIDigit(compact[end]) { number = number * 10 + Int(compact[end].value - 0x30); end += 1 }
            if LineShapes.policyReference(in: compact, endingBefore: i) != nil { numbers.insert(number) }
            i = end
        }
        guard numbers.count == 1, let number = numbers.first else { return nil }
        return Self.only(policies.filter { measures[$0].number == number })
    }

    /// The one measure that `key` names: by label, by position (`1-(2)`, `Ⅰ-2`,
    /// `1①`), or by name (the title, or one of title and key starting the other);
    /// nil when none or several do.
    func measure(keyedBy key: String) -> Int? {
        if let index = labels[key] { return index >= 0 ? index : nil }
        // The label in other numerals or brackets (`目標Ⅱ`, `取組三`, `【視点１】` for 視点2 …).
        if let label = HeadingParser.bareMarker(key)?.label, let index = labels[label] { return index >= 0 ? index : nil }
        if let (major, minor) = Self.position(key) { return measure(atPosition: major, minor) }
        let scalars = Array(key.unicodeScalars)
        guard scalars.count >= 4, scalars.contains(where: ScalarClass.isLetter) else { return nil }
        if let exact = Self.only(measures.indices.filter { measures[$0].key == key }) { return exact }
        if scalars.count >= 6,
           let prefixed = Self.only(measures.indices.filter { measures[$0].key.hasPrefix(key) || key.hasPrefix(measures[$0].key) }) {
            return prefixed
        }
        return Self.only(measures.indices.filter { StructureBuilder.sameHeading(measures[$0].key, key) })
    }

    private static func only(_ indices: [Int]) -> Int? {
        indices.count == 1 ? indices[0] : nil
    }

    /// The measure at a position in the outline: initiative `minor` of policy
    /// `major` (policies by their number, else by order), or policy `major` itself.
    private func measure(atPosition major: Int, _ minor: Int?) -> Int? {
        let policy = policies.first { measures[$0].number == major } ?? (major <= policies.count ? policies[major - 1] : nil)
        guard let policy else { return nil }
        guard let minor else { return policy }
        let children = measures.indices.filter { measures[$0].parent == policy }
        return minor <= children.count ? children[minor - 1] : nil
    }

    /// A key made of the outline's numbers: `1-(2)`, `1(2)`, `I-2`, `1-①`, `2.3`, or
    /// `Ⅱ` alone (a policy); nil for anything else.
    static func position(_ key: String) -> (Int, Int?)? {
        var s = Array(key.unicodeScalars)
        var major = 0
        var romanLength = 0
        while romanLength < s.count, romanLength < 4, "IVX".unicodeScalars.contains(s[romanLength]) { romanLength += 1 }
        if romanLength > 0 {
            guard let value = romanValue(Array(s[..<romanLength])) else { return nil }
            major = value
            s.removeFirst(romanLength)
        } else {
            var digits = 0
            while digits < s.count, digits < 2, ScalarClass.isASCIIDigit(s[digits]) { major = major * 10 + Int(s[digits].value - 0x30); digits += 1 }
            guard digits > 0 else { return nil }
            s.removeFirst(digits)
        }
        guard major > 0 else { return nil }
        if s.isEmpty { return romanLength > 0 ? (major, nil) : nil }
        while let first = s.first, "-.‐－・".unicodeScalars.contains(first) { s.removeFirst() }
        if s.count == 1, let circled = HeadingParser.circledNumber(s[0]) { return (major, circled) }
        if s.first == "(", s.last == ")" { s.removeFirst(); s.removeLast() }
        guard !s.isEmpty, s.count <= 2, s.allSatisfy(ScalarClass.isASCIIDigit), let minor = Int(s.string), minor > 0 else { return nil }
        return (major, minor)
    }

    private static func romanValue(_ s: [Unicode.Scalar]) -> Int? {
        ["I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10][s.string]
    }
}

/// A row of a table of plans as read: the measure its key names (nil when none or
/// several do), the line it starts on, and whether that line held the key alone.
struct PlanTableRow: Sendable {
    var measure: Int?
    var line: Int
    var keyOnly = false
}
