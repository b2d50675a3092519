import TextLayout

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

    /// White space, including the ideographic space and the byte-order mark.
    /// A switch rather than `properties.isWhitespace`, whose table lookup was the
    /// largest single cost of extraction.
    static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
            return true
        default:
            return false
        }
    }

    /// Whether NFKC leaves the scalar alone and it composes with nothing (see
    /// `Unicode.Scalar.isNFKCInert` in TextLayout, where the list lives).
    static func isNFKCInert(_ s: Unicode.Scalar) -> Bool { s.isNFKCInert }

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
    /// The scalars as a String, encoded by hand: `UnicodeScalarView.append` costs
    /// more than the rest of a line's classification.
    var string: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count * 3)
        for s in self {
            let v = s.value
            switch v {
            case 0..<0x80:
                bytes.append(UInt8(v))
            case 0x80..<0x800:
                bytes.append(UInt8(0xC0 | (v >> 6)))
                bytes.append(UInt8(0x80 | (v & 0x3F)))
            case 0x800..<0x10000:
                bytes.append(UInt8(0xE0 | (v >> 12)))
                bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
                bytes.append(UInt8(0x80 | (v & 0x3F)))
            default:
                bytes.append(UInt8(0xF0 | (v >> 18)))
                bytes.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
                bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
                bytes.append(UInt8(0x80 | (v & 0x3F)))
            }
        }
        return String(decoding: bytes, as: UTF8.self)
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
