import Foundation

extension String {
    /// The string in Unicode Normalization Form KC, the form in which WardGraph
    /// compares names: full-width ＡＢＣ１２３ become ABC123, half-width ｶﾅ become カナ,
    /// compatibility ideographs such as ⾼ (U+2F7C) become 高.
    ///
    /// Most text here is ASCII, kana and common kanji, which NFKC leaves as it is;
    /// for those the (slow, Foundation) normalisation is skipped after one scan.
    public var nfkc: String {
        if unicodeScalars.allSatisfy(Self.isStableUnderNFKC) { return self }
        return precomposedStringWithCompatibilityMapping
    }

    /// Scalars with no compatibility or canonical decomposition that also never
    /// combine with a neighbour: printable ASCII, CJK punctuation and brackets,
    /// hiragana, katakana and the unified ideographs.
    private static func isStableUnderNFKC(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E: return true
        case 0x3001...0x3002, 0x3005...0x3007, 0x300C...0x300F: return true
        case 0x3041...0x3096: return true
        case 0x30A1...0x30FA, 0x30FC: return true
        case 0x30FB: return true
        case 0x4E00...0x9FFF: return true
        default: return false
        }
    }
}
