/// A token of the query language.
struct Token: Sendable {
    enum Kind: Equatable, Sendable {
        /// A bare word: a relation name, a constant such as `泉区` or `ward:泉区`, or `not`.
        case word(String)
        /// `X`, `Ward`, `_x`, `?区`.
        case variable(String)
        /// `_` alone.
        case anonymous
        case string(String)
        case integer(Int64)
        /// `$name`.
        case parameter(String)
        /// `.limit` at the start of a statement.
        case directive(String)
        case leftParen, rightParen, comma, period
        /// `:-`
        case implies
        /// `?-`
        case query
        case comparison(ComparisonOperator)
        case arithmetic(ArithmeticOperator)
        case end
        /// A character the lexer could not read; it has reported it already.
        case invalid
    }

    var kind: Kind
    var range: SourceRange
    /// White space (or a comment) came right before this token.
    var spaceBefore: Bool

    var describe: String {
        switch kind {
        case .word(let w): return "'\(w)'"
        case .variable(let v): return "variable \(v)"
        case .anonymous: return "'_'"
        case .string(let s): return "string \(Constant.quoted(s))"
        case .integer(let n): return "number \(n)"
        case .parameter(let p): return "parameter $\(p)"
        case .directive(let d): return "directive .\(d)"
        case .leftParen: return "'('"
        case .rightParen: return "')'"
        case .comma: return "','"
        case .period: return "'.'"
        case .implies: return "':-'"
        case .query: return "'?-'"
        case .comparison(let op): return "'\(op.rawValue)'"
        case .arithmetic(let op): return "'\(op.rawValue)'"
        case .end: return "the end of the text"
        case .invalid: return "an unreadable character"
        }
    }
}
