/// Units of the ward office named as the ones in charge of a measure: a note such as
/// `（担当：区政推進課、南土木事務所）` at the end of a bullet or on a line of its own,
/// or the 担当 cell of a table row (`福祉保健課`, `こども家庭支援課・地域振興課`).
///
/// Documents that list no units anywhere else name them this way, and they are the
/// ward office's units all the same (guideline: "as listed").
enum SectionNoteParser {
    /// Whether a line (NFKC compact) may hold a note: the cheap test before ``notes(in:)``.
    static func mayHoldNote(_ compact: [Unicode.Scalar]) -> Bool {
        compact.contains(tantou) || compact.contains(shokan)
    }

    private static let tantou = S("担当"), shokan = S("所管")

    /// The words that open a note, before its colon (NFKC), longest first.
    private static let noteWords = ["担当部署", "担当課・係", "担当課", "担当係", "主担当", "担当", "所管部署", "所管課", "所管"].map(S)
    /// The brackets a note may stand in (NFKC), and their closing ones.
    private static let noteBrackets: [Unicode.Scalar: Unicode.Scalar] = ["(": ")", "【": "】", "[": "]", "〔": "〕", "<": ">", "《": "》", "〈": "〉", "{": "}"]

    /// The units of every note on a line (NFKC compact text); empty when there is none.
    static func notes(in compact: [Unicode.Scalar]) -> [SectionName] {
        var result: [SectionName] = []
        var i = 0
        while i < compact.count {
            guard let close = noteBrackets[compact[i]], let word = noteWords.first(where: { compact.matches($0, at: i + 1) }) else {
                i += 1
                continue
            }
            var j = i + 1 + word.count
            // `（担当：…）`, or the word alone in its brackets and the units after them: `【担当】…`.
            if j < compact.count, compact[j] == close, close != ")" { j += 1 } else if j < compact.count, compact[j] == ":" { j += 1 } else {
                i += 1
                continue
            }
            var end = j
            while end < compact.count, compact[end] != close, noteBrackets[compact[end]] == nil, end - j < 60 { end += 1 }
            result += units(inCell: Array(compact[j..<end]).string)
            i = end
        }
        return result
    }

    /// The units on a line that is nothing but a note: `（担当：地域振興課）`, or
    /// `担当課：地域振興課` without brackets.
    static func lineNote(_ compact: [Unicode.Scalar]) -> [SectionName]? {
        if let word = noteWords.first(where: { compact.hasPrefix($0) }), compact.count > word.count, compact[word.count] == ":" {
            let units = units(inCell: Array(compact[(word.count + 1)...]).string)
            return units.isEmpty ? nil : units
        }
        guard let first = compact.first, let close = noteBrackets[first], compact.last == close, compact.filter({ $0 == first }).count == 1
        else { return nil }
        let units = notes(in: compact)
        return units.isEmpty ? nil : units
    }

    /// The units named in a cell or a note's list: separated by 、 , / or spaces;
    /// a ・ separates units only where both sides are units (高齢・障害支援課 is one).
    static func units(inCell text: String) -> [SectionName] {
        var result: [SectionName] = []
        for part in text.split(whereSeparator: { "、,/／ 　".unicodeScalars.contains($0.unicodeScalars.first!) }) {
            let token = String(part)
            if let split = SectionListParser.splitAtMiddleDots(token) {
                result += split
            } else if let name = SectionListParser.unitName(token) {
                result.append(SectionName(name: name, written: token))
            }
        }
        return result
    }
}
