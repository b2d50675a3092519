/// The ward and fiscal year of a document, from its title.
struct WardTitle: Equatable, Sendable {
    var ward: String
    var fiscalYear: String
    /// 1-based line of the title that names the ward.
    var line: Int
    /// The body line the year was taken from, when the title block has none.
    var yearFromBodyLine: Int?
}

/// Finds the title `令和7年度 泉区運営方針` (also spaced out, `港 南 区 運 営 方 針`, or
/// with the year on a line of its own just above).
///
/// The ward is recognised by the title's form (a name ending in 区 before 運営方針),
/// not from a list, so a ward the lexicon has never seen is still found.
enum WardTitleFinder {
    static func find(_ lines: [SourceLine]) -> WardTitle? {
        for (index, line) in lines.enumerated() {
            let key = line.compact
            // A title, not a sentence citing one: little may follow 運営方針 (（案）, 概要).
            guard let title = key.firstIndex(of: policyTitle), key.count - title - 4 <= 8 else { continue }
            let year = FiscalYear.parse(key, from: 0)
            guard let ward = wardName(before: title, in: key, year: year) ?? wardNameAnywhere(in: key, before: title) else { continue }
            if let year { return WardTitle(ward: ward, fiscalYear: year.text, line: line.number) }
            let found = nearbyYear(lines, around: index)
            return WardTitle(ward: ward, fiscalYear: found?.year ?? "", line: line.number, yearFromBodyLine: found?.fromBody)
        }
        return nil
    }

    private static let policyTitle = S("運営方針")

    /// `令和7年度港北区` → `港北区`: the name ending in 区 that ends just before `end`;
    /// `year` is the first fiscal year in `key` (``FiscalYear/parse(_:from:)``).
    static func wardName(before end: Int, in key: [Unicode.Scalar], year: (start: Int, end: Int, text: String)?) -> String? {
        var start = 0
        if let year, year.end <= end { start = year.end }
        var last = end
        // `港南区役所運営方針`, `港南区 区運営方針`: the office's or the ward's word again.
        if last - start >= 4, key[last - 2] == "役", key[last - 1] == "所" { last -= 2 }
        if last - start >= 3, key[last - 1] == "区", key[last - 2] == "区" { last -= 1 }
        // The run of name characters that ends there (a remark in brackets may stand
        // between the year and the name: `令和８年度（2026年度）港南区`).
        var first = last
        while first > start, last - first < 12, isNameScalar(key[first - 1]) { first -= 1 }
        var name = Array(key[first..<last])
        // 横浜市泉区: the city's name before the ward's.
        if let city = name.prefix(5).firstIndex(of: "市"), city + 2 < name.count { name.removeFirst(city + 1) }
        if let era = name.lastIndex(of: "度"), era > 0, name[era - 1] == "年" { name.removeFirst(era + 1) }
        if start > 0, first == start, name.first == "版" { name.removeFirst() }  // 令和８年度版
        guard name.last == "区", name.count >= 2, name.count <= 6 else { return nil }
        return name.string
    }

    /// The first ward's name anywhere on a title line (`港南区 令和８年度 区運営方針`).
    static func wardNameAnywhere(in key: [Unicode.Scalar], before end: Int) -> String? {
        var i = 0
        while i < end {
            guard isNameScalar(key[i]) else { i += 1; continue }
            var j = i
            while j < end, isNameScalar(key[j]) { j += 1 }
            if let ward = key[i..<j].firstIndex(of: "区"), ward - i >= 1, ward - i <= 5 { return Array(key[i...ward]).string }
            i = j
        }
        return nil
    }

    private static func isNameScalar(_ s: Unicode.Scalar) -> Bool {
        ScalarClass.isKanji(s) || s == "ケ" || s == "ヶ" || s == "ノ" || s == "の"
    }

    /// The fiscal year on a line of its own near the title (part of the title block,
    /// as in `令和７年度` above `泉区運営方針`), or else the first one in the text,
    /// with the line of the body it came from.
    private static func nearbyYear(_ lines: [SourceLine], around index: Int) -> (year: String, fromBody: Int?)? {
        let window = Swift.max(0, index - 4)...Swift.min(lines.count - 1, index + 4)
        for i in window {
            let key = lines[i].compact
            if let year = FiscalYear.parse(key, from: 0), year.start == 0, year.end == key.count { return (year.text, nil) }
        }
        for line in lines {
            if let year = FiscalYear.parse(line.compact, from: 0) { return (year.text, line.number) }
        }
        return nil
    }
}
