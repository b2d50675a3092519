import Foundation
import Testing
@testable import Extraction

/// The same documents dumped differently must still clear the quality floors:
/// another converter drops blank lines or spaces every line apart, writes CRLF, marks
/// pages with form feeds or prints no page numbers at all.
@Suite struct RobustnessTests {
    struct Variant: CustomStringConvertible, Sendable {
        var description: String
        var transform: @Sendable (String) -> String
    }

    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    static let variants: [Variant] = [
        Variant(description: "no blank lines") { lines($0).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.joined(separator: "\n") },
        Variant(description: "a blank line after every line") { lines($0).map { $0 + "\n" }.joined(separator: "\n") },
        Variant(description: "CRLF") { $0.replacingOccurrences(of: "\n", with: "\r\n") },
        Variant(description: "form feeds for page numbers") { text in
            lines(text).map { LineShapes.isPageNumber(TextNormalizer.display($0)) ? "\u{0C}" : $0 }.joined(separator: "\n")
        },
        Variant(description: "no page numbers") { text in
            lines(text).filter { !LineShapes.isPageNumber(TextNormalizer.display($0)) }.joined(separator: "\n")
        },
        Variant(description: "full-width digits and spaces") { text in
            String(String.UnicodeScalarView(text.unicodeScalars.map { s in
                switch s.value {
                case 0x30...0x39: return Unicode.Scalar(s.value + 0xFEE0)!
                case 0x20: return "\u{3000}"
                default: return s
                }
            }))
        },
    ]

    @Test(arguments: variants)
    func floorsHoldForAnotherDump(_ variant: Variant) throws {
        let extractor = DocumentExtractor(lexicon: try Corpus.lexicon())
        let sets = [("seeds", Corpus.documents, QualityFloorTests.seedFloors), ("devset", Corpus.devsetDocuments, QualityFloorTests.devsetFloors)]
            + QualityFloorTests.blindSets.map { ($0.0, $0.1, QualityFloorTests.devsetFloors) }
        for (set, names, floors) in sets {
            let pairs = try names.map { name in
                let text = String(decoding: try Corpus.sourceBytes(name), as: UTF8.self)
                return (gold: try Corpus.gold(name), extracted: try extractor.extract(bytes: Array(variant.transform(text).utf8), fileName: name))
            }
            QualityFloorTests.expect(GoldEvaluation.evaluate(pairs), above: floors, set: "\(set), \(variant)")
        }
    }

    /// A dump that spaces every line apart reads exactly as the original on the
    /// seeds, the devset and blind sets A and B: wrapped titles, markers above their
    /// titles and tables join across the blank lines, and a line between blank lines
    /// is no box of its own there. (Set C's 都筑区 text still differs: a paragraph's
    /// first line under a policy is read as an initiative.)
    @Test func aDumpThatSpacesLinesApartReadsAsTheOriginal() throws {
        let extractor = DocumentExtractor(lexicon: try Corpus.lexicon())
        let spaced = Self.variants[1]
        var original: [(gold: GoldDocument, extracted: ExtractedDocument)] = []
        var variant: [(gold: GoldDocument, extracted: ExtractedDocument)] = []
        for name in Corpus.documents + Corpus.devsetDocuments + Corpus.blindADocuments + Corpus.blindBDocuments {
            let text = String(decoding: try Corpus.sourceBytes(name), as: UTF8.self)
            let gold = try Corpus.gold(name)
            original.append((gold, try extractor.extract(bytes: Array(text.utf8), fileName: name)))
            variant.append((gold, try extractor.extract(bytes: Array(spaced.transform(text).utf8), fileName: name)))
        }
        let before = GoldEvaluation.evaluate(original), after = GoldEvaluation.evaluate(variant)
        for kind in EvaluationKind.allCases {
            #expect(after.pooled(kind).matched == before.pooled(kind).matched, "\(kind.rawValue): \(after.pooled(kind)) vs \(before.pooled(kind))")
            #expect(after.pooled(kind).extracted == before.pooled(kind).extracted, "\(kind.rawValue)")
        }
    }
}
