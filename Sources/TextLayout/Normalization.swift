import Foundation

extension String {
    /// The string in Unicode Normalization Form KC, the form in which WardGraph
    /// compares names: full-width ＡＢＣ１２３ become ABC123, half-width ｶﾅ become カナ,
    /// compatibility ideographs such as ⾼ (U+2F7C) become 高.
    ///
    /// Most text here is ASCII, kana and common kanji, which NFKC leaves as it is;
    /// for those the (slow, Foundation) normalisation is skipped after one scan.
    public var nfkc: String {
        if unicodeScalars.allSatisfy({ $0.isNFKCInert }) { return self }
        return precomposedStringWithCompatibilityMapping
    }
}

extension Unicode.Scalar {
    /// Whether NFKC leaves the scalar alone and it composes with nothing: ASCII
    /// printables, kana, unified ideographs and the common Japanese punctuation and
    /// bullet symbols. Text made only of these is its own NFKC and needs no
    /// normalisation call.
    ///
    /// Checked against Foundation's NFKC for every scalar from U+0020 to U+FFEF
    /// (ExtractionTests' `TextNormalizerTests`).
    @inlinable
    public var isNFKCInert: Bool {
        switch value {
        case 0x20...0x7E, 0xA9, 0xD7, 0xF7, 0x2010, 0x2013...0x2016, 0x2018...0x2022, 0x203B, 0x2190...0x2199, 0x2212,
             0x226A, 0x226B, 0x2500...0x25FF, 0x2600...0x26FF, 0x3001...0x3003, 0x3005...0x301F,
             0x3041...0x3096, 0x309D, 0x309E, 0x30A1...0x30FE, 0x3400...0x4DBF, 0x4E00...0x9FFF:
            return true
        default:
            return false
        }
    }
}
