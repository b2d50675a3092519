/// WardGraph's text built-ins in Soufflé.
///
/// Soufflé's string functors count and cut UTF-8 bytes, WardGraph's built-ins see
/// characters. Where the two agree for any text they translate:
/// - `contains(S, P)` → `contains(P, S)`;
/// - `starts_with` / `ends_with` compare a byte prefix or suffix, which equals a
///   whole text only at a character boundary;
/// - `concat(A, B, AB)` → `AB = cat(A, B)`, or a prefix or suffix cut when one part
///   is computed (cut where the other part matched, so at a boundary);
/// - `matches(S, R)` with a constant pattern whose meaning is the same for bytes
///   and characters, as `match("[\s\S]*(?:R)[\s\S]*", S)` (Soufflé's `match` is a
///   full match, WardGraph's a search).
/// `length` (characters, not bytes), `concat` splitting a text every way (it would
/// cut inside characters) and other patterns are errors.
extension Translation {
    /// The Soufflé conditions for one built-in, or nil (with an error) if it does not translate.
    mutating func builtin(_ builtin: Builtin, _ atom: Atom, outputs: [Int], writer w: inout SouffleRuleWriter) -> [String]? {
        let args = atom.arguments
        func t(_ i: Int) -> String { w.term(args[i]) }
        switch builtin {
        case .contains:
            return ["contains(\(t(1)), \(t(0)))"]
        case .startsWith:
            let s = t(0), p = t(1)
            return ["strlen(\(p)) <= strlen(\(s))", "substr(\(s), 0, strlen(\(p))) = \(p)"]
        case .endsWith:
            let s = t(0), p = t(1)
            return ["strlen(\(p)) <= strlen(\(s))", "substr(\(s), max(strlen(\(s)) - strlen(\(p)), 0), strlen(\(p))) = \(p)"]
        case .matches:
            guard case .constant(.string(let pattern)) = args[1].kind else {
                error("matches(…) with a pattern that is not a constant: whether it means the same in Soufflé cannot be checked", args[1].range)
                return nil
            }
            if let problem = SouffleTranslator.regexProblem(pattern) {
                error("the pattern \(Constant.quoted(pattern)) \(problem)", args[1].range,
                      notes: ["Soufflé's match uses C++ std::regex (ECMAScript) over UTF-8 bytes; WardGraph's matches uses ICU over characters"])
                return nil
            }
            return ["match(\(SouffleSyntax.string("[\\s\\S]*(?:" + pattern + ")[\\s\\S]*")!), \(t(0)))"]
        case .length:
            error("length(…) counts characters, and Soufflé's strlen counts UTF-8 bytes (3 for 区)", atom.nameRange,
                  notes: ["starts_with, ends_with, contains and concat translate"])
            return nil
        case .concat:
            let a = t(0), b = t(1), ab = t(2)
            switch outputs {
            case [], [2]:
                return ["\(ab) = cat(\(a), \(b))"]
            case [1]:
                return ["strlen(\(a)) <= strlen(\(ab))", "substr(\(ab), 0, strlen(\(a))) = \(a)",
                        "\(b) = substr(\(ab), min(strlen(\(a)), strlen(\(ab))), max(strlen(\(ab)) - strlen(\(a)), 0))"]
            case [0]:
                return ["strlen(\(b)) <= strlen(\(ab))", "substr(\(ab), max(strlen(\(ab)) - strlen(\(b)), 0), strlen(\(b))) = \(b)",
                        "\(a) = substr(\(ab), 0, max(strlen(\(ab)) - strlen(\(b)), 0))"]
            default:
                error("concat(A, B, AB) splitting AB every way: Soufflé would split between the bytes of a character", atom.nameRange)
                return nil
            }
        }
    }
}

extension SouffleTranslator {
    /// Why an ICU pattern would not mean the same as a byte-wise ECMAScript one;
    /// nil when it does. Allowed: ASCII literals and classes, escaped punctuation,
    /// groups `(…)`, `(?:…)`, lookahead, alternation, anchors, quantifiers on ASCII
    /// atoms and groups, `.` and negated classes only before `*` or `+`, and
    /// Japanese characters as literals not directly quantified.
    public static func regexProblem(_ pattern: String) -> String? {
        let s = Array(pattern.unicodeScalars)
        let literalPunctuation = Set(".\\()[]{}*+?|^$/-".unicodeScalars)
        func isQuantifier(_ i: Int) -> Bool { i < s.count && "*+?{".unicodeScalars.contains(s[i]) }
        func isStarOrPlus(_ i: Int) -> Bool { i < s.count && (s[i] == "*" || s[i] == "+") }
        var i = 0
        while i < s.count {
            let c = s[i]
            switch c {
            case "\\":
                guard i + 1 < s.count, literalPunctuation.contains(s[i + 1]) else {
                    return "uses \\\(i + 1 < s.count ? String(s[i + 1]) : ""), whose meaning differs (ICU's classes cover Japanese, ECMAScript's only ASCII)"
                }
                i += 2
            case "[":
                var j = i + 1
                let negated = j < s.count && s[j] == "^"
                if negated { j += 1 }
                if j < s.count && s[j] == "]" { j += 1 }
                while j < s.count && s[j] != "]" {
                    if s[j] == "\\" {
                        guard j + 1 < s.count, literalPunctuation.contains(s[j + 1]) else { return "uses an escape inside [ ] whose meaning differs" }
                        j += 2
                        continue
                    }
                    if !s[j].isASCII || s[j] == "[" { return "has a character class with Japanese text or nested classes, which would match bytes" }
                    j += 1
                }
                guard j < s.count else { return "has an unclosed [" }
                if negated && !isStarOrPlus(j + 1) { return "has a negated class [^…] not followed by * or +, which matches one byte, not one character" }
                i = j + 1
            case ".":
                if !isStarOrPlus(i + 1) { return "has a . not followed by * or +, which matches one byte, not one character" }
                i += 1
            case "(":
                if i + 1 < s.count && s[i + 1] == "?" {
                    guard i + 2 < s.count, ":=!".unicodeScalars.contains(s[i + 2]) else { return "uses a (?…) group that ECMAScript lacks (flags, names or lookbehind)" }
                }
                i += 1
            case "*", "+", "?", "}":
                if i + 1 < s.count && s[i + 1] == "+" { return "uses a possessive quantifier, which ECMAScript lacks" }
                i += 1
            default:
                if !c.isASCII && isQuantifier(i + 1) { return "quantifies the Japanese character \(c), which would repeat its last byte; write (?:\(c))\(s[i + 1])" }
                i += 1
            }
        }
        return nil
    }
}
