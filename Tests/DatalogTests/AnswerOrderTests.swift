import Testing
import TestSupport
@testable import Datalog

/// Answers are sorted by ranking their distinct values once: the order must be the
/// one comparing values row by row gives, whether the ranks of a row fit one 64-bit
/// key or not.
@Suite struct AnswerOrderTests {
    static func values(_ constants: ConstantTable, count: Int, seed: UInt64) -> [Value] {
        var g = SplitMix64(seed: seed)
        let words = ["", "a", "B", "泉区", "港北区", "旭区", "自治会", "ｱ", "zz", "区"]
        return (0..<count).map { i in
            switch g.next(below: 4) {
            case 0: return constants.integer(Int64(g.next(below: 2_000)) - 1_000)
            case 1: return constants.integer(Int64(g.next(below: 1_000)) * 10_000_000_000 - 5_000_000_000_000)
            default: return constants.string(words[g.next(below: words.count)] + String(i % 97))
            }
        }
    }

    @Test(arguments: [(2, 300), (3, 50), (5, 20_000)])
    func ranksSortAsComparingValuesDoes(width: Int, distinct: Int) {
        let constants = ConstantTable()
        let pool = Self.values(constants, count: distinct, seed: UInt64(width))
        var g = SplitMix64(seed: 11)
        let rows = Array(Set((0..<3_000).map { _ in (0..<width).map { _ in pool[g.next(below: pool.count)] } }))
        var sorted = rows
        AnswerOrder.sort(&sorted, constants: constants)
        let expected = rows.sorted { a, b in
            for (x, y) in zip(a, b) where x != y { return constants.compare(x, y) < 0 }
            return false
        }
        #expect(sorted == expected)
    }
}
