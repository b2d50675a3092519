/// Units of the ward office named as the ones in charge of a measure: a note such as
/// `（担当：区政推進課、南土木事務所）` at the end of a bullet or on a line of its own,
/// a label in any brackets before them (`【問合せ】総務課`, `〔連絡先〕地域振興課`),
/// or the 担当 cell of a table row (`福祉保健課`, `こども家庭支援課・地域振興課`).
///
/// Documents that list no units anywhere else name them this way, and they are the
/// ward office's units all the same (guideline: "as listed").
enum SectionNoteParser {
    /// Whether a line (NFKC compact) may hold a note: the cheap test before ``notes(in:)``.
    static func mayHoldNote(_ compact: [Unicode.Scalar]) -> Bool {
        // One pass (this runs on every line): 担当, 所管, 問(合せ), 連絡(先).
        for k in compact.indices.dropLast() {
            switch compact[k] {
            case "担": if compact[k + 1] == "当" { return true }
            case "所": if compact[k + 1] == "管" { return true }
            case "問": return true
            case "連": if compact[k + 1] == "絡" { return true }
            default: continue
            }
        }
        return false
    }

    /// The words that open a note, before its colon (NFKC), longest first.
    private static let noteWords = [
        "担当部署", "担当課・係", "担当課", "担当係", "主担当", "担当", "所管部署", "所管課", "所管",
        // Whom to ask: a contact is the unit in charge.
        "お問い合わせ先", "お問合せ先", "お問合わせ先", "問い合わせ先", "問合せ先", "問合わせ先",
        "お問い合わせ", "お問合せ", "お問合わせ", "問い合わせ", "問合せ", "問合わせ", "連絡先",
    ].map(S).sorted { $0.count > $1.count }
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

    /// A heading's title without the note of units that ends it
    /// (`地域防災拠点の訓練支援（担当：総務課）`, `…の推進　【問合せ】地域振興課`).
    static func strippingTrailingNote(_ title: String) -> String {
        let s = Array(title.unicodeScalars)
        for i in s.indices.reversed() where i >= 2 {
            let open = TextNormalizer.nfkc(String(s[i])).unicodeScalars.first!
            guard noteBrackets[open] != nil else { continue }
            let rest = TextNormalizer.compactScalars(Array(s[(i + 1)...]).string)
            guard noteWords.contains(where: { rest.hasPrefix($0) }), !notes(in: [open] + rest).isEmpty else { continue }
            return Array(s[..<i]).string.trimmingSpaces()
        }
        return title
    }

    /// The units on a line that is nothing but a note: `（担当：地域振興課）`, or
    /// `担当課：地域振興課` without brackets.
    static func lineNote(_ compact: [Unicode.Scalar]) -> [SectionName]? {
        if let word = noteWords.first(where: { compact.hasPrefix($0) }), compact.count > word.count, compact[word.count] == ":" {
            let units = units(inCell: Array(compact[(word.count + 1)...]).string)
            return units.isEmpty ? nil : units
        }
        guard let first = compact.first, let close = noteBrackets[first] else { return nil }
        // `【問合せ】総務課`, `〔担当〕区政推進課、資源化推進担当`: the word in brackets
        // and nothing but units after them.
        if let word = noteWords.first(where: { compact.matches($0, at: 1) }), compact.count > word.count + 2, compact[word.count + 1] == close {
            return allUnits(inCell: Array(compact[(word.count + 2)...]).string)
        }
        guard compact.last == close, compact.filter({ $0 == first }).count == 1 else { return nil }
        let units = notes(in: compact)
        return units.isEmpty ? nil : units
    }

    /// The units of a cell that holds nothing else but how to reach them (a telephone
    /// number, a floor); nil when any other part of it is no unit. The cell may stand
    /// in brackets (`（戸籍課・保険年金課）`).
    static func allUnits(inCell text: String) -> [SectionName]? {
        var scalars = Array(TextNormalizer.nfkc(text).unicodeScalars)
        if let first = scalars.first, let close = noteBrackets[first], scalars.last == close, scalars.count > 2 {
            scalars = Array(scalars.dropFirst().dropLast())
        }
        var result: [SectionName] = []
        for part in scalars.split(whereSeparator: { "、,/／ 　".unicodeScalars.contains($0) }) {
            let token = Array(part).string
            if let split = SectionListParser.splitAtMiddleDots(token) {
                result += split
            } else if let name = SectionListParser.unitName(token) {
                result.append(SectionName(name: name, written: token))
            } else if result.isEmpty || !SectionListParser.isGroupOrPlace(token) {
                return nil
            }
        }
        return result.isEmpty ? nil : result
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
