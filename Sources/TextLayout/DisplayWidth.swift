/// The number of terminal columns a scalar, a character or a string takes.
///
///     DisplayWidth.of("泉区")        // 4: East Asian Wide
///     DisplayWidth.of("２")          // 2: fullwidth digit
///     DisplayWidth.of("ｱ")           // 1: halfwidth katakana
///     DisplayWidth.of("か\u{3099}")  // 2: が spelled with a combining dakuten
///     DisplayWidth.of("👍🏽")         // 2: one emoji, skin tone included
///
/// A terminal lays text out in cells; a string's `count` says nothing about how
/// many cells it fills, so tables, carets and the line editor's cursor all go
/// through this type. The per-scalar rules follow Markus Kuhn's `wcwidth` and
/// UAX #11 (see `generate-width-tables.py`); a grapheme cluster adds up its
/// scalars (marks, variation selectors and joiners are zero) except that an emoji
/// sequence is one two-column picture.
///
/// East Asian Ambiguous characters (○, ※, Greek) count as one column, as most
/// terminals draw them by default.
///
/// Complexity: O(log r) per scalar, with r ≈ 470 ranges (binary search over the
/// generated tables); ASCII takes a constant-time path.
public enum DisplayWidth {
    /// Columns one Unicode scalar takes on its own: 0, 1 or 2.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value >= 0x20 ? 1 : 0 }
        if contains(zeroWidthRanges, value) { return 0 }
        if contains(wideRanges, value) { return 2 }
        return 1
    }

    /// Columns one grapheme cluster takes: usually 0, 1 or 2.
    ///
    /// The widths of the cluster's scalars add up, as terminals draw them: か plus a
    /// combining dakuten is 2 + 0, and ﾊ plus the halfwidth voiced mark ﾞ, which
    /// Unicode clusters together but terminals draw in a cell of its own, is 1 + 1.
    /// An emoji sequence is one picture of two columns instead: a skin tone, a
    /// zero-width-joined family, or a text-default symbol followed by VARIATION
    /// SELECTOR-16 (❤️, keycaps). A flag, two regional indicators, adds up to 2.
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        var total = 0
        var base: Unicode.Scalar?
        var baseWidth = 0
        for scalar in scalars {
            let width = of(scalar)
            if width > 0, base == nil {
                base = scalar
                baseWidth = width
            }
            total += width
        }
        guard let base, scalars.count > 1, base.properties.isEmoji else { return total }
        if baseWidth == 2 || scalars.contains(emojiPresentationSelector) { return 2 }
        return total
    }

    /// Columns a whole string takes: the sum over its grapheme clusters.
    ///
    /// Control characters (tab and newline included) count as zero: measure one
    /// line at a time, and expand tabs before measuring if they matter.
    public static func of(_ text: some StringProtocol) -> Int {
        var total = 0
        for character in text {
            total += of(character)
        }
        return total
    }

    private static let emojiPresentationSelector: Unicode.Scalar = "\u{FE0F}"

    /// Binary search over flattened inclusive ranges `[first, last, first, last, …]`.
    private static func contains(_ ranges: [UInt32], _ value: UInt32) -> Bool {
        var low = 0
        var high = ranges.count / 2 - 1
        guard high >= 0, value >= ranges[0], value <= ranges[ranges.count - 1] else { return false }
        while low <= high {
            let middle = (low + high) / 2
            if value < ranges[2 * middle] {
                high = middle - 1
            } else if value > ranges[2 * middle + 1] {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }
}

extension Character {
    /// Terminal columns this character takes (see `DisplayWidth`).
    public var displayWidth: Int { DisplayWidth.of(self) }
}

extension StringProtocol {
    /// Terminal columns this text takes (see `DisplayWidth`).
    public var displayWidth: Int { DisplayWidth.of(self) }
}
