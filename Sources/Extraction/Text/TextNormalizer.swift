import Foundation

/// The three normal forms of a line of PDF-dumped text.
///
/// - **display**: what a reader should see in a title. Compatibility ideographs
///   (⾼ → 高, ⺠ → 民), full-width letters and digits (１ → 1) and half-width
///   katakana are normalised; Japanese punctuation (～, （, ＜) is kept.
///   Spaced-out titles (`港 南 区 運 営 方 針`) are closed up, and zero-width
///   spaces dropped.
/// - **nfkc**: the display form under Unicode NFKC. All scanning for names runs on it.
/// - **key**: NFKC with all white space removed, the comparison key of the
///   annotation guideline's matching rule.
enum TextNormalizer {
    /// The display form: see the type's summary.
    static func display(_ raw: String) -> String {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(raw.utf8.count / 2)
        var compat = String.UnicodeScalarView()
        var lastWasSpace = true  // trims leading white space
        var spaces = 0
        func flushCompat() {
            guard !compat.isEmpty else { return }
            out.append(contentsOf: String(compat).precomposedStringWithCompatibilityMapping.unicodeScalars)
            compat.removeAll()
        }
        for s in raw.unicodeScalars {
            let v = s.value
            if v == 0x200B { continue }  // a zero-width space: as if it were not there
            if ScalarClass.isWhitespace(s) {
                flushCompat()
                if !lastWasSpace { out.append(" "); spaces += 1 }
                lastWasSpace = true
                continue
            }
            lastWasSpace = false
            if v < 0x2E80 || ScalarClass.isNFKCInert(s) {
                flushCompat()
                out.append(s)
            } else if let ideograph = radicalEquivalents[v] {
                flushCompat()
                out.append(ideograph)
            } else if (0xFF10...0xFF19).contains(v) || (0xFF21...0xFF3A).contains(v) || (0xFF41...0xFF5A).contains(v) {
                flushCompat()
                out.append(Unicode.Scalar(v - 0xFEE0)!)
            } else if (0x2F00...0x2FDF).contains(v) || (0xF900...0xFAFF).contains(v)
                || (0x2F800...0x2FA1F).contains(v) || (0xFF61...0xFF9F).contains(v) || (0x2E80...0x2EFF).contains(v) {
                compat.append(s)  // batched so that ｶﾞ composes to ガ
            } else {
                flushCompat()
                out.append(s)
            }
        }
        flushCompat()
        if out.last == " " { out.removeLast(); spaces -= 1 }
        if spaces >= 3 { out = closingUpSpacedOut(out) }
        return out.string
    }

    /// NFKC of the display form (radicals that NFKC leaves alone are mapped too).
    static func nfkc(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy(ScalarClass.isNFKCInert) { return text }
        if let quick = quickNFKC(text) { return quick }
        let mapped = text.precomposedStringWithCompatibilityMapping
        guard mapped.unicodeScalars.contains(where: { radicalEquivalents[$0.value] != nil }) else { return mapped }
        var out = String.UnicodeScalarView()
        for s in mapped.unicodeScalars { out.append(radicalEquivalents[s.value] ?? s) }
        return String(out)
    }

    /// NFKC for text whose only non-inert characters are ones with a simple,
    /// context-free mapping (full-width ASCII, the ideographic space, roman numerals,
    /// circled digits, the ellipsis); nil when Foundation must do it.
    private static func quickNFKC(_ text: String) -> String? {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.utf8.count / 2)
        for s in text.unicodeScalars {
            let v = s.value
            if ScalarClass.isNFKCInert(s) {
                out.append(s)
            } else if (0xFF01...0xFF5E).contains(v) {
                out.append(Unicode.Scalar(v - 0xFEE0)!)
            } else if v == 0x3000 {
                out.append(" ")
            } else if v == 0x2026 {
                out.append(contentsOf: [".", ".", "."])
            } else if (0x2160...0x216F).contains(v) {
                out.append(contentsOf: romanNumerals[Int(v - 0x2160)].unicodeScalars)
            } else if (0x2460...0x2473).contains(v) {
                out.append(contentsOf: String(v - 0x2460 + 1).unicodeScalars)
            } else if let ideograph = radicalEquivalents[v] {
                out.append(ideograph)
            } else {
                return nil
            }
        }
        return out.string
    }

    private static let romanNumerals = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "L", "C", "D", "M"]

    /// The comparison key: NFKC with white space removed.
    static func key(_ text: String) -> String {
        compactScalars(text).string
    }

    /// NFKC scalars with white space removed: the text the name scanners read.
    static func compactScalars(_ text: String) -> [Unicode.Scalar] {
        nfkc(text).unicodeScalars.filter { !ScalarClass.isWhitespace($0) }
    }

    /// `港 南 区 運 営 方 針` → `港南区運営方針`: a line whose space-separated tokens are
    /// mostly single characters was spaced out for layout, not for meaning. A heading
    /// keeps the space after its marker (`ア 地 域 の 防 災` → `ア 地域の防災`, `1 安 全` →
    /// `1 安全`), which separates the marker from the title.
    static func closingUpSpacedOut(_ line: [Unicode.Scalar]) -> [Unicode.Scalar] {
        let tokens = line.split(separator: " ", omittingEmptySubsequences: true)
        guard tokens.count >= 4 else { return line }
        let single = tokens.filter { $0.count == 1 }.count
        guard Double(single) >= 0.7 * Double(tokens.count) else { return line }
        let closed = line.filter { $0 != " " }
        guard isMarkerToken(Array(tokens[0]), before: tokens[1].first!) else { return closed }
        return Array(tokens[0]) + [" "] + tokens.dropFirst().joined()
    }

    /// Whether a token that opens a spaced-out line is a heading's marker: a number
    /// (not the first digit of a spaced-out number), a counting kana or letter, a
    /// circled number, a symbol, or a count in brackets, with a stop after it or not.
    private static func isMarkerToken(_ token: [Unicode.Scalar], before next: Unicode.Scalar) -> Bool {
        var t = token[...]
        if let first = t.first, t.count > 2, "(（〔［[＜<".unicodeScalars.contains(first) {
            t = t.dropFirst().dropLast()
        } else if let last = t.last, t.count > 1, ".．)）:：".unicodeScalars.contains(last) {
            t = t.dropLast()
        }
        guard let first = t.first else { return false }
        if t.allSatisfy(ScalarClass.isASCIIDigit) { return t.count <= 2 && !ScalarClass.isASCIIDigit(next) }
        guard t.count == 1 else { return false }
        if HeadingParser.kanaOrdinal(first) != nil { return !ScalarClass.isKatakana(next) }  // not ア ー ト
        if HeadingParser.letterOrdinal(first) != nil { return !ScalarClass.isASCIILetter(next) }
        return HeadingParser.circledNumber(first) != nil || SymbolClass(first) != nil
    }

    /// CJK Radicals Supplement characters that PDF text extraction produces in place
    /// of ordinary ideographs and that NFKC does not map (⺠ for 民, ⻘ for 青).
    /// Source: Unicode EquivalentUnifiedIdeograph.txt, restricted to characters that
    /// stand for a whole kanji in Japanese text.
    static let radicalEquivalents: [UInt32: Unicode.Scalar] = [
        0x2E8C: "小", 0x2E8D: "小", 0x2E92: "巳", 0x2E95: "彐", 0x2E9D: "月", 0x2E9F: "母",
        0x2EA0: "民", 0x2EA2: "水", 0x2EA9: "王", 0x2EAC: "示", 0x2EAE: "竹", 0x2EB7: "羊",
        0x2EBB: "聿", 0x2EBC: "肉", 0x2EBD: "臼", 0x2EC1: "虎", 0x2EC4: "西", 0x2EC6: "角",
        0x2ECC: "辶", 0x2ED1: "長", 0x2ED7: "雨", 0x2ED8: "青", 0x2EDD: "食", 0x2EE3: "骨",
        0x2EE4: "鬼", 0x2EE8: "麦", 0x2EE9: "黄", 0x2EEB: "斉", 0x2EED: "歯", 0x2EEF: "竜",
        0x2EF2: "亀", 0x2EF3: "龟",
    ]
}
