import TextLayout

/// How many columns text takes when drawn in a label: TextLayout's display width
/// (2 for East Asian Wide and Fullwidth characters and emoji, 0 for combining
/// marks, 1 for the rest), except that the symbols of "ambiguous" width that
/// Japanese text uses (①, ※, ○, ■, →, …) count 2 as well, because labels are drawn
/// in a Japanese font (Noto Sans CJK JP by default) in which they are full-width.
///
///     DisplayWidth.columns(of: "旭区 Asahi")   // 2 + 2 + 1 + 5 = 10
///
/// Approximate on purpose: the only use is choosing where to wrap a label.
enum DisplayWidth {
    /// Columns for a whole string, summed over its characters.
    static func columns<S: StringProtocol>(of text: S) -> Int {
        text.reduce(0) { $0 + columns(of: $1) }
    }

    /// Columns for one character (grapheme cluster): its display width, and at least
    /// 2 when one of its scalars is a symbol that a Japanese font draws full-width.
    static func columns(of character: Character) -> Int {
        let width = character.displayWidth
        guard width < 2, character.unicodeScalars.contains(where: isJapaneseFontWide) else { return width }
        return 2
    }

    /// Symbols of East Asian Ambiguous width that a Japanese font draws full-width,
    /// and the regional indicators (a flag is a pair; one alone is a boxed letter).
    static func isJapaneseFontWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2025...0x2026,  // ‥ …
             0x203B,  // ※
             0x2190...0x21FF,  // arrows
             0x2460...0x24FF,  // enclosed alphanumerics ①
             0x2500...0x257F,  // box drawing
             0x25A0...0x25FF,  // geometric shapes ■□▲△○●◎
             0x2605...0x2606,  // ★☆
             0x3248...0x324F,  // circled numbers on black squares ㉈
             0x1F1E6...0x1F1FF:  // regional indicators
            return true
        default:
            return false
        }
    }
}
