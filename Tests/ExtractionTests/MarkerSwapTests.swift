import Foundation
import Testing
@testable import Extraction

/// Rules must follow families of layout, not the strings of the documents they were
/// checked on: blind set A rewritten with other members of each family (other
/// marker words and numbers, other symbols, kana and circled counters, other
/// brackets around citations and key-initiative headings) must read exactly as the
/// original does against the same gold.
@Suite struct MarkerSwapTests {
    /// Rewrites each line of `text` that starts with `prefix` and the number after it.
    static func renumber(_ text: String, _ pattern: String, _ rewrite: (Substring) -> String) -> String {
        let regex = try! Regex(pattern)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard let match = line.prefixMatch(of: regex), let number = match.output[1].substring else { return String(line) }
            return rewrite(number) + line[match.range.upperBound...]
        }.joined(separator: "\n")
    }

    static let kana: [Substring: String] = ["ア": "(ア) ", "イ": "(イ) ", "ウ": "(ウ) "]
    static let circled: [Substring: String] = ["1": "①　", "2": "②　", "3": "③　", "4": "④　"]

    static let swaps: [String: @Sendable (String) -> String] = [
        // 柱１ → 【重点１】, 取組１： → 事業１．, 【関連計画】 → ＜関連する計画＞.
        "kanagawa-r6.txt": { text in
            let pillars = renumber(text, "^柱([１-４])　") { "【重点" + $0 + "】" }
            return renumber(pillars, "^取組([０-９]+)：") { "事業" + $0 + "．" }.replacingOccurrences(of: "【関連計画】", with: "＜関連する計画＞")
        },
        // 目標1 → 基本方針1：, ◆ → ●, ①②③ → (ｱ)(ｲ)(ｳ).
        "nishi-r4.txt": { text in
            renumber(text, "^目標(\\d)　") { "基本方針" + $0 + "：" }.replacingOccurrences(of: "◆ ", with: "● ")
                .replacingOccurrences(of: "①　", with: "(ｱ) ").replacingOccurrences(of: "②　", with: "(ｲ) ").replacingOccurrences(of: "③　", with: "(ｳ) ")
        },
        // (1) → ①, 【中期計画】 → 〈中期計画〉.
        "naka-r5.txt": { text in
            renumber(text, "^\\((\\d)\\) ") { circled[$0] ?? String($0) }.replacingOccurrences(of: "【中期計画】", with: "〈中期計画〉")
        },
        // （１） → 施策1, ＜主な取組＞ → 【主な事業】, 〔…〕 → （…）, ア → (ア).
        "hodogaya-r8.txt": { text in
            let policies = renumber(text, "^（(\\d)）") { "施策" + $0 + "　" }
            return renumber(policies, "^([アイウ]) ") { kana[$0] ?? String($0) }
                .replacingOccurrences(of: "＜主な取組＞", with: "【主な事業】")
                .replacingOccurrences(of: "〔", with: "（").replacingOccurrences(of: "〕", with: "）")
        },
    ]

    /// Markers each rewritten document must hold, so that the swaps are known to apply.
    static let expectedMarkers: [String: [String]] = [
        "kanagawa-r6.txt": ["【重点１】", "【重点４】", "事業１．", "事業１２．", "＜関連する計画＞"],
        "nishi-r4.txt": ["基本方針1：", "基本方針4：", "● ", "(ｱ) ", "(ｳ) "],
        "naka-r5.txt": ["①　", "④　", "〈中期計画〉"],
        "hodogaya-r8.txt": ["施策１　", "施策４　", "(ア) ", "(ウ) ", "【主な事業】", "（中期計画2026-2029："],
    ]

    @Test func blindSetAReadsTheSameWithOtherMembersOfEachFamily() throws {
        let extractor = DocumentExtractor(lexicon: try Corpus.lexicon())
        var original: [(gold: GoldDocument, extracted: ExtractedDocument)] = []
        var swapped: [(gold: GoldDocument, extracted: ExtractedDocument)] = []
        for name in Corpus.blindADocuments {
            let text = String(decoding: try Corpus.sourceBytes(name), as: UTF8.self)
            let swap = try #require(Self.swaps[name])
            for marker in Self.expectedMarkers[name, default: []] where !swap(text).contains(marker) {
                Issue.record("the swaps of \(name) wrote no \(marker)")
            }
            let gold = try Corpus.gold(name)
            original.append((gold, try extractor.extract(bytes: Array(text.utf8), fileName: name)))
            swapped.append((gold, try extractor.extract(bytes: Array(swap(text).utf8), fileName: name)))
        }
        let before = GoldEvaluation.evaluate(original), after = GoldEvaluation.evaluate(swapped)
        print(after.table())
        for kind in EvaluationKind.allCases {
            #expect(after.pooled(kind).matched == before.pooled(kind).matched, "\(kind.rawValue): \(after.pooled(kind)) vs \(before.pooled(kind))")
            #expect(after.pooled(kind).extracted == before.pooled(kind).extracted, "\(kind.rawValue)")
        }
    }
}
