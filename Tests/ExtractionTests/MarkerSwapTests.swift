import Foundation
import Testing
@testable import Extraction

/// Rules must follow families of layout, not the strings of the documents they were
/// checked on: blind sets A and B rewritten with other members of each family (other
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

    /// Blind set B rewritten the same way. The two-column page of tsuzuki-r7 is laid
    /// out by display width, so its swaps keep each marker's width.
    static let swapsB: [String: @Sendable (String) -> String] = [
        // (Quoted headlines keep their 「」, which their titles hold; FamilyVariantTests
        // has them in 『』.) 施策1 → 目標1．, ● → ◆, （担当：…） → ［担当：…］, …… → ・・・,
        // the table's header in other words.
        "midori-r5.txt": { text in
            renumber(text, "^施策(\\d)　") { "目標" + $0 + "．" }.replacingOccurrences(of: "●", with: "◆")
                .replacing(try! Regex("（担当：([^）]*)）"), with: { "［担当：" + ($0.output[1].substring ?? "") + "］" })
                .replacingOccurrences(of: " …… ", with: "・・・")
                .replacingOccurrences(of: "取組名", with: "事業名").replacingOccurrences(of: "主な内容", with: "事業概要")
        },
        // ①…⑤ → 柱１…, ○ → ◇, ＜テーマ０２・戦略２・政策１０＞ → 〔テーマ０２／戦略２／政策１０〕.
        "aoba-r6.txt": { text in
            renumber(text, "^([①②③④⑤])　") { "柱" + (["①": "１", "②": "２", "③": "３", "④": "４", "⑤": "５"][$0] ?? "") + "　" }
                .replacingOccurrences(of: "○　", with: "◇　").replacingOccurrences(of: "＜", with: "〔").replacingOccurrences(of: "＞", with: "〕")
                .replacingOccurrences(of: "・戦略", with: "／戦略").replacingOccurrences(of: "・政策", with: "／政策")
        },
        // □ → ◇, ［中期計画］ → 【中期計画】, ［担当］ → 【担当】, running headers without their page numbers.
        "seya-r8.txt": { text in
            text.replacingOccurrences(of: "□", with: "◇").replacingOccurrences(of: "［中期計画］", with: "【中期計画】")
                .replacingOccurrences(of: "［担当］", with: "【担当】")
                .replacing(try! Regex("(?m)^(瀬谷区運営方針（令和８年度）)　+‐[１-９]‐$"), with: { String($0.output[1].substring ?? "") })
        },
        // 視点1： → 取組1．, 基本目標 → 重点目標, 関連する中期計画 → 対応する中期計画 (widths kept).
        "tsuzuki-r7.txt": { text in
            text.replacing(try! Regex("視点(\\d)："), with: { "取組" + ($0.output[1].substring ?? "") + "．" })
                .replacingOccurrences(of: "基本目標", with: "重点目標").replacingOccurrences(of: "関連する中期計画", with: "対応する中期計画")
        },
    ]

    /// Markers each rewritten document must hold, so that the swaps are known to apply.
    static let expectedMarkers: [String: [String]] = [
        "kanagawa-r6.txt": ["【重点１】", "【重点４】", "事業１．", "事業１２．", "＜関連する計画＞"],
        "nishi-r4.txt": ["基本方針1：", "基本方針4：", "● ", "(ｱ) ", "(ｳ) "],
        "naka-r5.txt": ["①　", "④　", "〈中期計画〉"],
        "hodogaya-r8.txt": ["施策１　", "施策４　", "(ア) ", "(ウ) ", "【主な事業】", "（中期計画2026-2029："],
        "midori-r5.txt": ["目標1．", "目標3．", "◆", "［担当：総務課］", "・・・中期計画", "事業概要"],
        "aoba-r6.txt": ["柱１　", "柱５　", "◇　", "〔テーマ０２／戦略２／政策１０〕"],
        "seya-r8.txt": ["◇ ", "【中期計画】", "【担当】", "（令和８年度）\n「安全・安心」"],
        "tsuzuki-r7.txt": ["取組1．", "取組3．", "重点目標３", "対応する中期計画"],
    ]

    @Test func blindSetAReadsTheSameWithOtherMembersOfEachFamily() throws {
        try Self.check(Corpus.blindADocuments, swaps: Self.swaps)
    }

    @Test func blindSetBReadsTheSameWithOtherMembersOfEachFamily() throws {
        try Self.check(Corpus.blindBDocuments, swaps: Self.swapsB)
    }

    static func check(_ names: [String], swaps: [String: @Sendable (String) -> String],
                      sourceLocation: SourceLocation = #_sourceLocation) throws {
        let extractor = DocumentExtractor(lexicon: try Corpus.lexicon())
        var original: [(gold: GoldDocument, extracted: ExtractedDocument)] = []
        var swapped: [(gold: GoldDocument, extracted: ExtractedDocument)] = []
        for name in names {
            let text = String(decoding: try Corpus.sourceBytes(name), as: UTF8.self)
            let swap = try #require(swaps[name])
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
            #expect(after.pooled(kind).matched == before.pooled(kind).matched, "\(kind.rawValue): \(after.pooled(kind)) vs \(before.pooled(kind))",
                    sourceLocation: sourceLocation)
            #expect(after.pooled(kind).extracted == before.pooled(kind).extracted, "\(kind.rawValue)", sourceLocation: sourceLocation)
        }
    }
}
