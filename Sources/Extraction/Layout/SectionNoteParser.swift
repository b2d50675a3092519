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

    /// The words that open a note, before its colon (NFKC).
    private static let noteWords = ["担当課", "担当", "所管課", "所管"].map(S)

    /// The units of every note on a line (NFKC compact text); empty when there is none.
    static func notes(in compact: [Unicode.Scalar]) -> [SectionName] {
        var result: [SectionName] = []
        var i = 0
        while i < compact.count {
            guard compact[i] == "(" || compact[i] == "【", let word = noteWords.first(where: { compact.matches($0, at: i + 1) }) else {
                i += 1
                continue
            }
            var j = i + 1 + word.count
            let close: Unicode.Scalar = compact[i] == "(" ? ")" : "】"
            if close == "】", j < compact.count, compact[j] == "】" { j += 1 } else if j < compact.count, compact[j] == ":" { j += 1 } else {
                i += 1
                continue
            }
            var end = j
            while end < compact.count, compact[end] != close, compact[end] != "(", end - j < 60 { end += 1 }
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
        guard compact.first == "(", compact.last == ")", compact.filter({ $0 == "(" }).count == 1 else { return nil }
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
