/// Character classes of Japanese administrative text, on Unicode scalars.
///
/// The extractor scans `[Unicode.Scalar]` rather than `String` because grapheme
/// breaking costs more than the whole scan, and text that has been through
/// ``TextNormalizer`` has no combining sequences that matter here.
enum ScalarClass {
    static func isHiragana(_ s: Unicode.Scalar) -> Bool {
        (0x3041...0x309F).contains(s.value)
    }

    /// Katakana including the prolonged sound mark ー, excluding the middle dot ・
    /// (which separates list items, so it is punctuation for our purposes).
    static func isKatakana(_ s: Unicode.Scalar) -> Bool {
        (0x30A1...0x30FA).contains(s.value) || s.value == 0x30FC || (0x31F0...0x31FF).contains(s.value)
    }

    /// CJK ideographs, the iteration mark 々 and 〆; compatibility ideographs are
    /// normalised away before scanning but accepted anyway.
    static func isKanji(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0x20000...0x2FA1F).contains(v)
            || v == 0x3005 || v == 0x3006
    }

    static func isASCIILetter(_ s: Unicode.Scalar) -> Bool {
        (0x41...0x5A).contains(s.value) || (0x61...0x7A).contains(s.value)
    }

    static func isASCIIDigit(_ s: Unicode.Scalar) -> Bool {
        (0x30...0x39).contains(s.value)
    }

    /// Characters that can be part of a name: kanji, katakana, Latin letters and digits.
    static func isNameCharacter(_ s: Unicode.Scalar) -> Bool {
        isKanji(s) || isKatakana(s) || isASCIILetter(s) || isASCIIDigit(s)
    }

    /// A letter of any script we care about (used to reject lines of pure punctuation).
    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        isKanji(s) || isKatakana(s) || isHiragana(s) || isASCIILetter(s)
    }

    static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        s.properties.isWhitespace || s.value == 0x3000 || s.value == 0xFEFF
    }

    /// Hiragana particles that end a phrase: a line ending in one of them was
    /// wrapped mid-sentence, and a name never ends in one.
    static let particles: Set<Unicode.Scalar> = ["を", "に", "が", "は", "で", "と", "も", "へ", "や", "の", "か"]

    /// Sentence-final punctuation (after NFKC the full-width ！？ are ASCII).
    static let sentenceEnds: Set<Unicode.Scalar> = ["。", "!", "?", "！", "？", "．"]

    /// Kanji numerals as used in 第三次, 第二期.
    static func kanjiNumeral(_ s: Unicode.Scalar) -> Int? {
        switch s {
        case "一": return 1
        case "二": return 2
        case "三": return 3
        case "四": return 4
        case "五": return 5
        case "六": return 6
        case "七": return 7
        case "八": return 8
        case "九": return 9
        case "十": return 10
        default: return nil
        }
    }
}

extension Array where Element == Unicode.Scalar {
    /// The scalars of `string`.
    init(scalarsOf string: String) {
        self.init(string.unicodeScalars)
    }

    var string: String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: self)
        return String(view)
    }

    /// Whether `pattern` occurs at `index`.
    func matches(_ pattern: [Unicode.Scalar], at index: Int) -> Bool {
        guard index >= 0, index + pattern.count <= count else { return false }
        for k in 0..<pattern.count where self[index + k] != pattern[k] { return false }
        return true
    }

    /// The first index at or after `start` where `pattern` occurs.
    func firstIndex(of pattern: [Unicode.Scalar], from start: Int = 0) -> Int? {
        guard !pattern.isEmpty, pattern.count <= count else { return nil }
        var i = Swift.max(start, 0)
        while i + pattern.count <= count {
            if self[i] == pattern[0] && matches(pattern, at: i) { return i }
            i += 1
        }
        return nil
    }

    func contains(_ pattern: [Unicode.Scalar]) -> Bool {
        firstIndex(of: pattern) != nil
    }

    func hasPrefix(_ pattern: [Unicode.Scalar]) -> Bool {
        matches(pattern, at: 0)
    }

    func hasSuffix(_ pattern: [Unicode.Scalar]) -> Bool {
        matches(pattern, at: count - pattern.count)
    }
}

/// Literal scalar arrays for patterns: `S("事業所")`.
@inline(__always)
func S(_ literal: String) -> [Unicode.Scalar] {
    Array(literal.unicodeScalars)
}
