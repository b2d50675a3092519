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
        switch kinds[i] {
        case .part, .sectionList, .keyInitiatives, .bureauProjects:
            inPlanTable = false
            return false
        default: break
        }
        guard let (key, rest) = Self.rowKey(lines[i]) else {
            if kinds[i] == .planRow { unmatchedPlanRows.append(i); return true }
            inPlanTable = false
            return false
        }
        // A row keyed by a label reads like a heading (`1-1  中期計画…`).
        if let index = measure(keyedBy: key) {
            measures[index].segments.append([i])
            return true
        }
        // A row whose key names no measure still cites plans: report it, read on.
        let citesPlans = PlanRecognizer.planSuffixes.contains { rest.contains($0) }
        let keyScalars = Array(key.unicodeScalars)
        let labelLike = keyScalars.count <= 8 && keyScalars.contains(where: ScalarClass.isASCIIDigit)
        if kinds[i] == .planRow || (citesPlans && (labelLike || keyScalars.count >= 4)) {
            unmatchedPlanRows.append(i)
            return true
        }
        inPlanTable = false
        return false
    }

    /// The key cell of a row and the rest of its text (NFKC compact): cells apart by a
    /// wide gap, or a name and a colon; a leading bullet is no part of the key.
    static func rowKey(_ line: SourceLine) -> (String, [Unicode.Scalar])? {
        let cells = RawSegments.segments(of: line.raw, minimumGap: 2)
        var key: String
        if cells.count >= 2 {
            key = TextNormalizer.key(cells[0].text)
        } else {
            let s = line.compact
            guard let colon = s.prefix(40).firstIndex(where: { $0 == ":" || $0 == "：" }), colon > 0 else { return nil }
            key = Array(s[..<colon]).string
        }
        var keyScalars = Array(key.unicodeScalars)
        while let first = keyScalars.first, LineShapes.bulletMarks.contains(first) || SymbolClass(first) != nil { keyScalars.removeFirst() }
        key = keyScalars.string
        let compact = line.compact
        guard !key.isEmpty, let at = compact.firstIndex(of: keyScalars) else { return key.isEmpty ? nil : (key, compact) }
        var rest = Array(compact[(at + keyScalars.count)...])
        while let first = rest.first, first == ":" || first == "：" { rest.removeFirst() }
        return (key, rest)
    }

    /// The one measure that `key` names: by label, by position (`1-(2)`, `Ⅰ-2`,
    /// `1①`), or by name (the title, or one of title and key starting the other);
    /// nil when none or several do.
    func measure(keyedBy key: String) -> Int? {
        if let index = labels[key] { return index >= 0 ? index : nil }
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
