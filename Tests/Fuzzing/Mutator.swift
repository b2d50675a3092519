import TestSupport

/// Seeded mutations of a program or a document, for fuzzing: the same seed gives
/// the same bytes, so a failing case is replayed from its seed alone.
///
/// The mutations aim where the probe found trouble: deep nesting (parentheses,
/// signs, long sums), long lines and long chains of rules, `%` between operands,
/// huge numbers, division by zero, pathological regular expressions, Japanese and
/// full-width punctuation, control characters, and bytes that are not UTF-8.
public struct Mutator {
    public var random: SplitMix64

    public init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    /// Fragments that the language gives meaning to, or that are known to hurt.
    static let fragments: [String] = [
        "(", ")", "-", "+", "*", "/", "%", ".", ",", ":-", "?-", "not ", "\"", "\\", "$ward", "_", "X", "Y1", "?区",
        "=", "!=", "<", "<=", ">=", "0", "1073741824", "2147483648", "9223372036854775807", "99999999999999999999",
        "X / 0", "X % 0", "count(X)", "sum(N)", "min(", "collect(", ".limit 3\n", ".limt 2\n", "泉区", "ward:泉区",
        "社会福祉協議会", "（", "）", "，", "。", "、", "：－", "？－", "\u{0}", "\u{7}", "\u{1B}[2J", "\u{FFFD}", "\u{200D}",
        "\u{301}", "👩‍👩‍👧", "\u{FEFF}", "\t", "\r\n", "\n", "% comment\n", "\"\\u{110000}\"", "\"\\u{D800}\"", "\"\\q\"",
        "matches(S, \"(a*)*b\")", "matches(S, \"^(a|b)*$\")", "matches(S, \"[\")", "concat(A, B, C)", "length(S, N)",
        "p(X) :- not p(X).", "q(X) :- q(Y), X = Y + 1.", "r(X) :- r(X).",
    ]

    /// Bytes that are not text: invalid UTF-8, a byte-order mark cut short, NUL.
    static let junk: [UInt8] = [0xFF, 0xFE, 0x00, 0xE3, 0x81]

    public mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : random.next(below: n) }

    public mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    /// A random position in `bytes` (at most its count).
    mutating func position(in bytes: [UInt8]) -> Int { below(bytes.count + 1) }

    /// One to `count` mutations of a program's text, as bytes.
    public mutating func mutateProgram(_ text: String, count: Int = 4) -> [UInt8] {
        var bytes = Array(text.utf8)
        for _ in 0..<(1 + below(count)) {
            switch below(14) {
            case 0: deleteSpan(&bytes)
            case 1: duplicateSpan(&bytes)
            case 2, 3: insert(Array(Self.fragments[below(Self.fragments.count)].utf8), into: &bytes)
            case 4: swapSpans(&bytes)
            case 5: nest(&bytes)
            case 6: bytes = chain() + [0x0A] + bytes
            case 7: if !bytes.isEmpty { bytes.removeLast(below(bytes.count)) }
            case 8: flipByte(&bytes)
            case 9: bytes = bytes.map { $0 == 0x0A && chance(70) ? 0x20 : $0 }
            case 10: insert(longSum(), into: &bytes)
            case 11: insert(Array(repeating: UInt8(ascii: "!"), count: 1 + below(3_000)), into: &bytes)
            case 12: insert(Array(String(repeating: "p(X), ", count: 1 + below(1_500)).utf8), into: &bytes)
            default: insert(Array("\n?- X = \(Int64.max) + \(below(3)), Y = X * X, Z = 7 / (Y - Y).\n".utf8), into: &bytes)
            }
        }
        return bytes
    }

    /// One to `count` mutations of a document's bytes: mostly of its text (lines
    /// lost, doubled, swapped, joined; headings and numbers put where they do not
    /// belong; very long lines), and in one case in five of its bytes (not UTF-8,
    /// control characters).
    public mutating func mutateDocument(_ bytes: [UInt8], count: Int = 6) -> [UInt8] {
        var bytes = bytes
        let byteLevel = chance(20)
        for _ in 0..<(1 + below(count)) {
            switch below(byteLevel ? 10 : 7) {
            case 0: deleteSpan(&bytes)
            case 1: duplicateSpan(&bytes)
            case 2: swapSpans(&bytes)
            case 3: insert(Array(Self.headings[below(Self.headings.count)].utf8), into: &bytes)
            case 4: insert(Array(repeating: 0x41 + UInt8(below(26)), count: 1 + below(20_000)), into: &bytes)
            case 5: bytes = bytes.map { $0 == 0x0A && chance(30) ? 0x20 : $0 }
            case 6: if !bytes.isEmpty, chance(30) { bytes.removeLast(below(bytes.count)) }
            case 7: flipByte(&bytes)
            case 8: insert(Array(Self.fragments[below(Self.fragments.count)].utf8), into: &bytes)
            default: insert(Array(Self.junk[below(Self.junk.count)...]), into: &bytes)
            }
        }
        return bytes
    }

    /// What policy documents are made of, to put in the wrong places.
    static let headings = [
        "令和７年度", "泉区運営方針", "\n港北区運営方針\n", "１", "（１）", "◇", "■", "【主な取組】", "担当：総務課",
        "中期計画：テーマ05・戦略8・政策35", "- 3 -", "\nⅠ 基本目標\n", "\n１ 安心して暮らせるまちづくり\n", "\u{0C}",
    ]

    // MARK: - Operators

    mutating func span(in bytes: [UInt8]) -> Range<Int> {
        let start = position(in: bytes)
        let length = below(min(bytes.count - start, chance(80) ? 40 : 4_000) + 1)
        return start..<start + length
    }

    mutating func deleteSpan(_ bytes: inout [UInt8]) {
        bytes.removeSubrange(span(in: bytes))
    }

    mutating func duplicateSpan(_ bytes: inout [UInt8]) {
        let copy = Array(bytes[span(in: bytes)])
        let times = chance(90) ? 1 + below(3) : 1 + below(2_000)
        let repeated = Array((0..<times).map { _ in copy }.joined())
        bytes.insert(contentsOf: repeated.prefix(1 << 20), at: position(in: bytes))
    }

    mutating func swapSpans(_ bytes: inout [UInt8]) {
        let a = span(in: bytes), b = span(in: bytes)
        guard a.upperBound <= b.lowerBound else { return }
        let first = Array(bytes[a]), second = Array(bytes[b])
        bytes.replaceSubrange(b, with: first)
        bytes.replaceSubrange(a, with: second)
    }

    mutating func insert(_ fragment: [UInt8], into bytes: inout [UInt8]) {
        bytes.insert(contentsOf: fragment, at: position(in: bytes))
    }

    mutating func flipByte(_ bytes: inout [UInt8]) {
        guard !bytes.isEmpty else { return }
        bytes[below(bytes.count)] ^= UInt8(truncatingIfNeeded: 1 + below(255))
    }

    /// Parentheses or signs around a span, up to well past the nesting limit.
    mutating func nest(_ bytes: inout [UInt8]) {
        let depth = chance(70) ? 1 + below(50) : 900 + below(20_000)
        let range = span(in: bytes)
        if chance(50) {
            bytes.insert(contentsOf: Array(repeating: UInt8(ascii: ")"), count: depth), at: range.upperBound)
            bytes.insert(contentsOf: Array(repeating: UInt8(ascii: "("), count: depth), at: range.lowerBound)
        } else {
            bytes.insert(contentsOf: Array(String(repeating: "- ", count: depth).utf8), at: range.lowerBound)
        }
    }

    /// `1 + 1 + …`, short or well past the nesting limit.
    mutating func longSum() -> [UInt8] {
        let terms = chance(70) ? 2 + below(50) : 900 + below(40_000)
        return Array(("X = " + Array(repeating: "1", count: terms).joined(separator: " + ")).utf8)
    }

    /// A chain of rules, up to thousands long.
    mutating func chain() -> [UInt8] {
        let length = chance(80) ? 2 + below(100) : 1_000 + below(10_000)
        var text = "c0(X) :- ward(X).\n"
        for i in 1..<length { text += "c\(i)(X) :- c\(i - 1)(X).\n" }
        return Array((text + "?- c\(length - 1)(X).").utf8)
    }
}
