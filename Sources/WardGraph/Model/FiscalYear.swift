import Foundation
import TextLayout

/// A Japanese fiscal year (年度), as the policies name it: 令和7年度, written short
/// as R7 in ids and headers, and ordered by the Western year it starts in (R7 is
/// April 2025 to March 2026), so that 平成31年度 < 令和2年度.
///
///     FiscalYear("令和7年度")?.short    // "R7"
///     FiscalYear("R7")?.japanese        // "令和7年度"
///     FiscalYear("2025")?.short         // "R7"
///     FiscalYear("令和元年度")?.number   // 1
public struct FiscalYear: Hashable, Comparable, Sendable, CustomStringConvertible {
    public enum Era: String, CaseIterable, Sendable {
        case reiwa = "令和", heisei = "平成", showa = "昭和"

        /// The letter of short forms: R, H, S.
        public var letter: String {
            switch self {
            case .reiwa: return "R"
            case .heisei: return "H"
            case .showa: return "S"
            }
        }

        /// The Western year of the era's year 1.
        var firstYear: Int {
            switch self {
            case .reiwa: return 2019
            case .heisei: return 1989
            case .showa: return 1926
            }
        }
    }

    public let era: Era
    /// The year within the era (1 for 元年).
    public let number: Int

    public init(era: Era, number: Int) {
        self.era = era
        self.number = number
    }

    /// The fiscal year starting in Western year `year` (2025 → R7), in the era of its April.
    public init(western year: Int) {
        let era = Era.allCases.first { year >= $0.firstYear } ?? .showa
        self.init(era: era, number: year - era.firstYear + 1)
    }

    /// Reads `令和7年度`, `令和７年度`, `令和元年度`, `R7`, `r7`, `H30`, `2025`, `2025年度`
    /// or `FY2025`; nil for anything else.
    public init?(_ text: String) {
        var rest = Substring(text.nfkc.trimmingCharacters(in: .whitespaces))
        if rest.hasSuffix("年度") { rest = rest.dropLast(2) }
        if rest.uppercased().hasPrefix("FY") { rest = rest.dropFirst(2) }
        for era in Era.allCases {
            for prefix in [era.rawValue, era.letter, era.letter.lowercased()] where rest.hasPrefix(prefix) {
                let digits = rest.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
                if digits == "元" {
                    self.init(era: era, number: 1)
                    return
                }
                guard let n = Int(digits), n >= 1, n <= 99 else { return nil }
                self.init(era: era, number: n)
                return
            }
        }
        guard let year = Int(rest), year >= 1926, year <= 2999 else { return nil }
        self.init(western: year)
    }

    /// The Western year the fiscal year starts in.
    public var western: Int { era.firstYear + number - 1 }

    /// `R7`: the form of ids (`document:泉区/R7`) and of headers.
    public var short: String { "\(era.letter)\(number)" }

    /// `令和7年度`: the form of the documents (and of `fiscal_year` facts).
    public var japanese: String { "\(era.rawValue)\(number)年度" }

    public var description: String { short }

    public static func < (a: FiscalYear, b: FiscalYear) -> Bool {
        a.western < b.western
    }
}
