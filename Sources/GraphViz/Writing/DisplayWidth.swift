/// How many columns text takes when drawn: 2 for CJK, kana, Hangul, full-width
/// forms and emoji, 0 for combining marks, 1 for the rest.
///
///     DisplayWidth.columns(of: "旭区 Asahi")   // 2 + 2 + 1 + 5 = 10
///
/// Based on Unicode's East Asian Width (UAX #11): the Wide and Fullwidth ranges,
/// condensed to blocks, plus emoji presentation. Labels are drawn in a Japanese
/// font (Noto Sans CJK JP by default), in which symbols of "ambiguous" width that
/// Japanese text uses (①, ※, ○, ■, →, …) are full-width, so those count 2 as well.
/// Approximate on purpose: the only use is choosing where to wrap a label.
enum DisplayWidth {
    /// Columns for a whole string, summed over its characters.
    static func columns<S: StringProtocol>(of text: S) -> Int {
        text.reduce(0) { $0 + columns(of: $1) }
    }

    /// Columns for one character (grapheme cluster): the widest of its scalars, so a
    /// base with combining marks counts as the base, and any emoji sequence counts 2.
    static func columns(of character: Character) -> Int {
        var widest = 0
        for scalar in character.unicodeScalars {
            if scalar.value == 0xFE0F { return 2 }  // emoji presentation selector
            widest = max(widest, columns(of: scalar))
        }
        return widest
    }

    static func columns(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value < 0x20 ? 0 : 1 }  // fast path for ASCII
        if isZeroWidth(scalar) { return 0 }
        if wideRanges.contains(where: { $0.contains(value) }) { return 2 }
        if scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x7F...0x9F, 0x200B...0x200F, 0x2060...0x2064, 0x1160...0x11FF, 0xFEFF:
            return true  // controls, zero-width spaces and joiners, Hangul medial/final jamo
        default:
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: return true
            default: return false
            }
        }
    }

    /// East Asian Wide and Fullwidth blocks, and the Japanese-font symbols above.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,  // Hangul Jamo initial consonants
        0x2025...0x2026,  // ‥ …
        0x203B...0x203B,  // ※
        0x2190...0x21FF,  // arrows
        0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0, 0x23F3...0x23F3,
        0x2460...0x24FF,  // enclosed alphanumerics ①
        0x2500...0x257F,  // box drawing
        0x25A0...0x25FF,  // geometric shapes ■□▲△○●◎
        0x2605...0x2606,  // ★☆
        0x2E80...0x303E,  // CJK radicals, Kangxi, CJK symbols and punctuation 、。「」
        0x3041...0x33FF,  // hiragana, katakana, bopomofo, Hangul compatibility jamo, CJK compatibility
        0x3400...0x4DBF,  // CJK extension A
        0x4E00...0x9FFF,  // CJK unified ideographs
        0xA000...0xA4CF,  // Yi
        0xA960...0xA97F,  // Hangul Jamo extended A
        0xAC00...0xD7A3,  // Hangul syllables
        0xF900...0xFAFF,  // CJK compatibility ideographs
        0xFE10...0xFE19,  // vertical forms
        0xFE30...0xFE6F,  // CJK compatibility forms, small form variants
        0xFF00...0xFF60,  // full-width ASCII and punctuation (half-width katakana FF61… are narrow)
        0xFFE0...0xFFE6,  // full-width signs ￥
        0x1B000...0x1B2FF,  // kana supplement and extensions
        0x1F1E6...0x1F1FF,  // regional indicators (a flag is a pair)
        0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F900...0x1F9FF, 0x1FA70...0x1FAFF,  // emoji
        0x20000...0x2FFFD, 0x30000...0x3FFFD,  // CJK extensions B and later
    ]
}
