import Testing
@testable import Extraction

/// What the tests of variant documents (LayoutVariantTests, FamilyVariantTests) do
/// with a text: extract it with the package's lexicon, and list its edges as
/// `m2 partners_with 企業` for comparison.
enum Variants {
    static func extract(_ text: String, _ name: String = "variant.txt") throws -> ExtractedDocument {
        try DocumentExtractor(lexicon: try Corpus.lexicon()).extract(bytes: Array(text.utf8), fileName: name)
    }

    static func edges(_ doc: ExtractedDocument) -> Set<String> {
        Set(doc.edges.map { "\($0.from) \($0.type.rawValue) \($0.to)" })
    }

    /// Two columns of lines printed side by side as a dump prints a page: the right
    /// column starts `gap` display columns after the left one's width `column`.
    static func sideBySide(_ left: [String], _ right: [String], column: Int, gap: Int) -> String {
        (0..<max(left.count, right.count)).map { i in
            let l = i < left.count ? left[i] : "", r = i < right.count ? right[i] : ""
            guard !r.isEmpty else { return l }
            let width = l.unicodeScalars.reduce(0) { $0 + RawSegments.width(of: $1) }
            return l + String(repeating: " ", count: column - width + gap) + r
        }.joined(separator: "\n")
    }
}
