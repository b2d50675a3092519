/// Units of the ward office enumerated in running prose, as the part on the
/// organisation may describe them: `都筑区役所は、総務課、区政推進課、…保険年金課の12課と、
/// 都筑土木事務所で構成しています。このほか、区政推進課に地域力推進担当を…置いています。`
///
/// A name is read back from each unit word (課, 係, 担当, 事務所, …) over the letters a
/// name is written in, and stops at a particle: a lone kana after a kanji (`…課に`),
/// where a run of kana that opens a name (`こども家庭支援課`, `学校連携・こども担当`)
/// follows punctuation. Only a sentence that names two units or more is a listing, and
/// the units of the city (`…局…課`) are none of the ward's.
enum UnitSentences {
    /// The units named in `text` (NFKC compact scalars of lines joined as they run
    /// on), each with the offset where its name begins.
    static func units(in text: [Unicode.Scalar]) -> [(unit: SectionName, offset: Int)] {
        var result: [(unit: SectionName, offset: Int)] = []
        var sentenceStart = 0
        for end in text.indices where text[end] == "。" || end == text.count - 1 {
            let found = units(inSentence: text, from: sentenceStart, to: end + 1)
            if found.count >= 2 { result += found }
            sentenceStart = end + 1
        }
        return result
    }

    /// Every unit named anywhere in `text`, listed or not (for the report of names
    /// not taken as sections).
    static func allUnits(in text: [Unicode.Scalar]) -> [(unit: SectionName, offset: Int)] {
        units(inSentence: text, from: 0, to: text.count)
    }

    /// Whether a unit named outside any listing is worth a notice: a name of its own
    /// before the unit word (not `各課`, `担当課`, or a 担当 named by a bare word:
    /// `地区担当`, `内容担当`).
    static func isReportable(_ unit: SectionName) -> Bool {
        let s = Array(unit.name.unicodeScalars)
        if s.contains("各") || s.contains("当") && !s.hasSuffix(tantou) { return false }
        return !s.hasSuffix(tantou) || s.count - tantou.count >= 3
    }

    private static let tantou = S("担当")

    /// Whether a line (NFKC compact) may name a unit: it holds the last letter of a
    /// unit word (the cheap test before reading it).
    static func mayNameUnit(_ compact: [Unicode.Scalar]) -> Bool {
        compact.contains(where: endsUnitWord)
    }

    /// The last letters of the unit words of ``SectionListParser/unitSuffixes`` (課 室
    /// 当 所 係 園 館 署), compared without hashing: this runs on every line.
    @inline(__always)
    private static func endsUnitWord(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "課", "室", "当", "所", "係", "園", "館", "署": return true
        default: return false
        }
    }

    /// The first letters of the unit words (課 室 担 事 係 支 出 保 図 消): the cheap
    /// test at each position.
    @inline(__always)
    private static func startsUnitWord(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "課", "室", "担", "事", "係", "支", "出", "保", "図", "消": return true
        default: return false
        }
    }

    private static func units(inSentence text: [Unicode.Scalar], from start: Int, to end: Int) -> [(unit: SectionName, offset: Int)] {
        var result: [(unit: SectionName, offset: Int)] = []
        var k = start
        while k < end {
            guard startsUnitWord(text[k]), let suffix = SectionListParser.unitSuffixes.first(where: { text.matches($0.suffix, at: k) }) else {
                k += 1
                continue
            }
            let after = k + suffix.suffix.count
            // A unit word inside a longer one (課長, 担当者) names no unit.
            if after < end, ScalarClass.isKanji(text[after]) || ScalarClass.isKatakana(text[after]) {
                k = after
                continue
            }
            let begin = nameStart(in: text, before: k, limit: start)
            let name = Array(text[begin..<after])
            if !name.contains("局"), let unit = SectionListParser.unitName(name.string) {
                result.append((SectionName(name: unit, written: name.string), begin))
            }
            k = after
        }
        return result
    }

    /// Where the name that ends before `k` begins.
    private static func nameStart(in text: [Unicode.Scalar], before k: Int, limit: Int) -> Int {
        var begin = k
        while begin > limit {
            let c = text[begin - 1]
            // `総務課・区政推進課`: a ・ after a unit word separates two units.
            if c == "・", SectionListParser.unitSuffixes.contains(where: { text.matches($0.suffix, at: begin - 1 - $0.suffix.count) }) { break }
            if ScalarClass.isKanji(c) || ScalarClass.isKatakana(c) || c == "・" || c == "ー" {
                begin -= 1
                continue
            }
            guard ScalarClass.isHiragana(c) else { break }
            // A run of kana opens a name only after punctuation or a ・.
            var runStart = begin - 1
            while runStart > limit, ScalarClass.isHiragana(text[runStart - 1]) { runStart -= 1 }
            let before = runStart > limit ? text[runStart - 1] : nil
            guard before == nil || before == "・" || !(ScalarClass.isKanji(before!) || ScalarClass.isKatakana(before!) || ScalarClass.isASCIIDigit(before!) || ScalarClass.isHiragana(before!)) else { break }
            begin = runStart
            if before != "・" { break }
        }
        return begin
    }
}
