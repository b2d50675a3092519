/// The syntax tree of a program, as the parser builds it. Every node keeps its
/// source range, for diagnostics and for `explain`.

/// A constant: text or a whole number. Bare words (`泉区`, `ward:泉区`) are text.
public enum Constant: Hashable, Sendable, CustomStringConvertible {
    case string(String)
    case integer(Int64)

    public var description: String {
        switch self {
        case .string(let s): return Constant.isBareWord(s) ? s : Constant.quoted(s)
        case .integer(let n): return String(n)
        }
    }

    /// Text as written in a program (and in the fact input of `wardgraph assert`):
    /// quoted, with the escapes `\"` `\\` `\n` `\t` `\r` and `\u{…}` for other controls.
    public static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Whether `s` can be written without quotes and read back as the same constant.
    public static func isBareWord(_ s: String) -> Bool {
        let scalars = Array(s.unicodeScalars)
        guard let first = scalars.first, Lexer.startsWord(first) else { return false }
        for (i, c) in scalars.enumerated() {
            if c == ":" {
                guard i > 0, i + 1 < scalars.count, Lexer.isWordLetter(scalars[i - 1]), Lexer.isWordLetter(scalars[i + 1]) else { return false }
                continue
            }
            guard Lexer.continuesWord(c) else { return false }
        }
        return s.nfkcStable && !Lexer.keywords.contains(s)
    }
}

/// A term in an atom: a variable, `_`, a constant, or a `$parameter`.
public struct Term: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case variable(String)
        case anonymous
        case constant(Constant)
        case parameter(String)
    }

    public var kind: Kind
    public var range: SourceRange

    public var variable: String? {
        if case .variable(let name) = kind { return name }
        return nil
    }
}

public enum ArithmeticOperator: String, Sendable, CaseIterable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%"
}

public enum ComparisonOperator: String, Sendable, CaseIterable {
    case equal = "=", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
}

/// An arithmetic expression over terms.
public indirect enum Expression: Hashable, Sendable {
    case term(Term)
    case binary(ArithmeticOperator, Expression, Expression, SourceRange)
    case negate(Expression, SourceRange)

    public var range: SourceRange {
        switch self {
        case .term(let t): return t.range
        case .binary(_, _, _, let r), .negate(_, let r): return r
        }
    }

    /// The variables it reads, in order of appearance.
    public var variables: [String] {
        switch self {
        case .term(let t): return t.variable.map { [$0] } ?? []
        case .binary(_, let a, let b, _): return a.variables + b.variables
        case .negate(let e, _): return e.variables
        }
    }

    /// The term itself, if this is a plain term.
    public var plainTerm: Term? {
        if case .term(let t) = self { return t }
        return nil
    }
}

/// `name(arg, …)` in a rule body or a query.
public struct Atom: Hashable, Sendable {
    public var name: String
    public var nameRange: SourceRange
    public var arguments: [Term]
    public var range: SourceRange
}

/// One condition of a rule body or a query.
public enum Literal: Hashable, Sendable {
    /// `p(…)`: a relation, or a built-in such as `contains(S, "区")`.
    case atom(Atom)
    /// `not p(…)`.
    case negated(Atom, SourceRange)
    /// `A op B` over expressions.
    case comparison(ComparisonOperator, Expression, Expression, SourceRange)

    public var range: SourceRange {
        switch self {
        case .atom(let a): return a.range
        case .negated(_, let r), .comparison(_, _, _, let r): return r
        }
    }
}

public enum AggregateKind: String, Sendable, CaseIterable {
    case count, collect, sum, min, max
}

/// An argument of a rule head: an expression, or an aggregate over body variables.
public enum HeadArgument: Hashable, Sendable {
    case expression(Expression)
    case aggregate(AggregateKind, [Term], SourceRange)

    public var range: SourceRange {
        switch self {
        case .expression(let e): return e.range
        case .aggregate(_, _, let r): return r
        }
    }
}

public struct Head: Hashable, Sendable {
    public var name: String
    public var nameRange: SourceRange
    public var arguments: [HeadArgument]
    public var range: SourceRange

    public var hasAggregates: Bool {
        arguments.contains { if case .aggregate = $0 { return true } else { return false } }
    }
}

/// `head :- body.`, or a fact `head.` (an empty body).
public struct Rule: Hashable, Sendable {
    public var head: Head
    public var body: [Literal]
    public var range: SourceRange
}

/// `?- body.`: prints every distinct binding of the body's named variables.
public struct Query: Hashable, Sendable {
    public var body: [Literal]
    public var range: SourceRange
    /// From a `.limit N` directive just before it.
    public var limit: Int?
}

/// A directive such as `.limit 10`.
public struct Directive: Hashable, Sendable {
    public var name: String
    public var arguments: [Term]
    public var range: SourceRange
}

public enum Statement: Hashable, Sendable {
    case rule(Rule)
    case query(Query)
    case directive(Directive)
}

/// The statements of one or more source files, in order.
public struct Program: Sendable {
    public var statements: [Statement] = []

    public init(statements: [Statement] = []) {
        self.statements = statements
    }

    public var rules: [Rule] {
        statements.compactMap { if case .rule(let r) = $0 { return r } else { return nil } }
    }

    public var queries: [Query] {
        statements.compactMap { if case .query(let q) = $0 { return q } else { return nil } }
    }
}
