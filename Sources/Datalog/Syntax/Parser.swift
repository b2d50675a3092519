/// Builds the syntax tree from tokens, by recursive descent.
///
/// On a syntax error it records a diagnostic and skips to the end of the statement
/// (the next '.' outside parentheses), so that one run reports every statement's
/// errors, not only the first.
///
///     statement  := query | directive | head ('.' | ':-' body '.')
///     query      := '?-' body '.'
///     directive  := '.name' term* (on one line)
///     head       := word ['(' headArg (',' headArg)* ')']
///     headArg    := aggregate '(' term (',' term)* ')' | expr
///     body       := literal (',' literal)*
///     literal    := 'not' atom | atom | expr cmp expr
///     atom       := word ['(' term (',' term)* ')']
///     expr       := product (('+'|'-') product)*
///     product    := unary (('*'|'/'|'%') unary)*
///     unary      := '-' unary | '(' expr ')' | term
///
/// Expressions may nest (parentheses, signs, operators) at most `maxNesting` deep,
/// and a rule or query has at most `maxConditions` conditions: past either, the
/// statement is an error at the token where the limit was passed, instead of a
/// stack that overflows here or in analysis and evaluation, which follow the tree.
struct Parser {
    static let maxNesting = 1_000
    static let maxConditions = 1_000
    private let tokens: [Token]
    private var index = 0
    /// How deep the expression being parsed nests, counting operators as levels.
    private var nesting = 0
    private(set) var diagnostics = DiagnosticCollector()
    private var statements: [Statement] = []
    private var pendingLimit: Int?
    /// The index of the first token of the statement being parsed.
    private var statementStart = 0

    /// Parses one source text.
    static func parse(_ text: String, file: Int) -> (Program, DiagnosticCollector) {
        let (tokens, lexical) = Lexer.tokenize(text, file: file)
        var parser = Parser(tokens: tokens)
        parser.diagnostics = lexical
        parser.parseProgram()
        return (Program(statements: parser.statements), parser.diagnostics)
    }

    private init(tokens: [Token]) {
        self.tokens = tokens
    }

    private struct Failure: Error {}

    // MARK: - Token access

    private var current: Token { tokens[index] }
    private var previous: Token { tokens[max(0, index - 1)] }

    private func peek(_ offset: Int = 1) -> Token {
        tokens[min(index + offset, tokens.count - 1)]
    }

    private mutating func advance() -> Token {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    private mutating func expect(_ kind: Token.Kind, _ what: String) throws -> Token {
        guard current.kind == kind else { throw fail("expected \(what), found \(current.describe)") }
        return advance()
    }

    private mutating func fail(_ message: String, at token: Token? = nil, notes: [String] = []) -> Failure {
        let culprit = token ?? current
        if culprit.kind == .end, index > statementStart {
            diagnostics.add(unterminated())
        } else if culprit.kind != .invalid {
            // The lexer has already reported an unreadable character; one message is enough.
            diagnostics.add(Diagnostic(message, range: culprit.range, notes: notes))
        }
        return Failure()
    }

    /// The text ended inside a statement: said as such, just after its last token,
    /// naming where the statement began (a missing '.' is the usual cause, and the
    /// place to add it is the end).
    private func unterminated() -> Diagnostic {
        let first = tokens[statementStart].range.start
        let last = tokens[max(statementStart, tokens.count - 2)].range
        let range = SourceRange(file: last.file, start: last.end, end: SourceLocation(line: last.end.line, column: last.end.column + 1))
        return Diagnostic(
            "unterminated statement: the text ends before the '.' of the statement that starts at line \(first.line), column \(first.column)",
            range: range, notes: ["end every statement with '.' (or '。')"])
    }

    /// Skips to just after the next '.' at parenthesis depth 0, or to the end.
    private mutating func recover() {
        var depth = 0
        while true {
            switch current.kind {
            case .end: return
            case .leftParen: depth += 1
            case .rightParen: depth = max(0, depth - 1)
            case .period where depth == 0:
                _ = advance()
                return
            case .directive, .query:
                if depth == 0 && index > 0 { return }
            default: break
            }
            _ = advance()
        }
    }

    // MARK: - Statements

    private mutating func parseProgram() {
        while current.kind != .end {
            let start = index
            statementStart = index
            do {
                try parseStatement()
            } catch {
                if index == start { _ = advance() }
                recover()
            }
        }
    }

    private mutating func parseStatement() throws {
        switch current.kind {
        case .query:
            let start = advance()
            let body = try parseBody()
            let end = try expect(.period, "'.' to end the query")
            statements.append(.query(Query(body: body, range: start.range.through(end.range), limit: pendingLimit)))
            pendingLimit = nil
        case .directive(let name):
            try parseDirective(name)
        case .word:
            let head = try parseHead()
            switch current.kind {
            case .period:
                let end = advance()
                statements.append(.rule(Rule(head: head, body: [], range: head.range.through(end.range))))
            case .implies:
                _ = advance()
                let body = try parseBody()
                let end = try expect(.period, "',' or '.' after a condition of the rule")
                statements.append(.rule(Rule(head: head, body: body, range: head.range.through(end.range))))
            default:
                throw fail("expected ':-' or '.' after the head \(head.name)(…), found \(current.describe)")
            }
        case .variable(let name):
            throw fail("a statement cannot start with variable \(name): write a fact p(…)., a rule p(…) :- … . or a query ?- … .")
        case .period:
            throw fail("unexpected '.': there is no statement before it")
        default:
            throw fail("expected a fact, a rule, a query (?- …) or a directive, found \(current.describe)")
        }
    }

    private mutating func parseDirective(_ name: String) throws {
        let start = advance()
        var arguments: [Term] = []
        while current.range.start.line == start.range.start.line, current.kind != .end, current.kind != .period {
            arguments.append(try parseTerm())
        }
        if current.kind == .period, current.range.start.line == start.range.start.line { _ = advance() }
        let range = arguments.last.map { start.range.through($0.range) } ?? start.range
        let directive = Directive(name: name, arguments: arguments, range: range)
        switch name {
        case "limit":
            guard arguments.count == 1, case .constant(.integer(let n)) = arguments[0].kind, n >= 0 else {
                throw fail(".limit takes one whole number, as in '.limit 10'", at: start)
            }
            pendingLimit = Int(n)
        default:
            throw fail("unknown directive '.\(name)'; the directive is .limit N", at: start)
        }
        statements.append(.directive(directive))
    }

    // MARK: - Heads

    private mutating func parseHead() throws -> Head {
        let nameToken = advance()
        guard case .word(let name) = nameToken.kind else { throw fail("expected a relation name", at: nameToken) }
        if name == "not" { throw fail("'not' cannot start a rule; it negates a condition in a rule's body", at: nameToken) }
        var arguments: [HeadArgument] = []
        var end = nameToken.range
        if current.kind == .leftParen, !current.spaceBefore {
            _ = advance()
            if current.kind == .rightParen { throw fail("empty parentheses: write \(name) for a relation with no arguments") }
            repeat {
                arguments.append(try parseHeadArgument())
            } while try consumeComma(closing: "the arguments of \(name)")
            end = try expect(.rightParen, "')' after the head's arguments").range
        } else if current.kind == .leftParen {
            throw fail("no space is allowed between a relation name and '('")
        }
        return Head(name: name, nameRange: nameToken.range, arguments: arguments, range: nameToken.range.through(end))
    }

    private mutating func parseHeadArgument() throws -> HeadArgument {
        if case .word(let word) = current.kind, let kind = AggregateKind(rawValue: word), peek().kind == .leftParen {
            let start = advance()
            _ = advance()
            var terms: [Term] = []
            if current.kind == .rightParen { throw fail("\(word)(…) needs at least one variable") }
            repeat {
                terms.append(try parseTerm())
            } while try consumeComma(closing: "the aggregate's arguments")
            let end = try expect(.rightParen, "')' to close \(word)(…)")
            return .aggregate(kind, terms, start.range.through(end.range))
        }
        return .expression(try parseExpression())
    }

    /// Consumes a ',' and says whether one was there; a ')' ends the list.
    private mutating func consumeComma(closing what: String) throws -> Bool {
        switch current.kind {
        case .comma:
            _ = advance()
            return true
        case .rightParen:
            return false
        default:
            throw fail("expected ',' or ')' in \(what), found \(current.describe)")
        }
    }

    // MARK: - Bodies

    private mutating func parseBody() throws -> [Literal] {
        var literals: [Literal] = []
        repeat {
            if literals.count == Self.maxConditions {
                throw fail("more than \(Self.maxConditions.grouped) conditions in one rule or query; split it into rules that each compute part of it")
            }
            literals.append(try parseLiteral())
            guard current.kind == .comma else { break }
            _ = advance()
        } while true
        return literals
    }

    private mutating func parseLiteral() throws -> Literal {
        if case .word(let word) = current.kind {
            if word == "not" {
                let notToken = advance()
                guard case .word = current.kind else {
                    throw fail("'not' must be followed by an atom, as in 'not partners_with(M, _)'")
                }
                let atom = try parseAtom()
                return .negated(atom, notToken.range.through(atom.range))
            }
            let next = peek().kind
            if next == .leftParen || next == .comma || next == .period {
                return .atom(try parseAtom())
            }
        }
        let left = try parseExpression()
        guard case .comparison(let op) = current.kind else {
            if left.plainTerm?.variable != nil || left.plainTerm == nil {
                throw fail("expected a comparison (=, !=, <, <=, >, >=) after the expression, found \(current.describe)")
            }
            throw fail("expected an atom p(…) or a comparison, found \(current.describe)")
        }
        _ = advance()
        let right = try parseExpression()
        return .comparison(op, left, right, left.range.through(right.range))
    }

    private mutating func parseAtom() throws -> Atom {
        let nameToken = advance()
        guard case .word(let name) = nameToken.kind else { throw fail("expected a relation name", at: nameToken) }
        var arguments: [Term] = []
        var end = nameToken.range
        if current.kind == .leftParen {
            if current.spaceBefore { throw fail("no space is allowed between a relation name and '('") }
            _ = advance()
            if current.kind == .rightParen { throw fail("empty parentheses: write \(name) for a relation with no arguments") }
            repeat {
                arguments.append(try parseAtomArgument())
            } while try consumeComma(closing: "the arguments of \(name)")
            end = try expect(.rightParen, "')' after the arguments of \(name)").range
        }
        return Atom(name: name, nameRange: nameToken.range, arguments: arguments, range: nameToken.range.through(end))
    }

    /// An atom's argument is a term; arithmetic must be bound to a variable first.
    private mutating func parseAtomArgument() throws -> Term {
        let start = index
        let expression = try parseExpression()
        if let term = expression.plainTerm { return term }
        throw fail(
            "arithmetic is not allowed as an atom's argument; bind it to a variable first, as in 'N = M + 1, p(N)'",
            at: tokens[start])
    }

    // MARK: - Expressions and terms

    /// Goes one level deeper into an expression, or fails past `maxNesting`.
    private mutating func enterNesting() throws {
        nesting += 1
        if nesting > Self.maxNesting {
            throw fail("expression nested more than \(Self.maxNesting.grouped) levels deep (parentheses, signs and operators); compute parts of it into variables first, as in 'A = B + C, D = A * 2'")
        }
    }

    /// Parses an expression; every operator of a chain counts as a level, since the
    /// tree it builds is as deep as the chain is long.
    private mutating func parseExpression() throws -> Expression {
        let outer = nesting
        defer { nesting = outer }
        var left = try parseProduct()
        while case .arithmetic(let op) = current.kind, op == .add || op == .subtract {
            try enterNesting()
            _ = advance()
            let right = try parseProduct()
            left = .binary(op, left, right, left.range.through(right.range))
        }
        return left
    }

    private mutating func parseProduct() throws -> Expression {
        let outer = nesting
        defer { nesting = outer }
        var left = try parseUnary()
        while case .arithmetic(let op) = current.kind, op == .multiply || op == .divide || op == .remainder {
            try enterNesting()
            _ = advance()
            let right = try parseUnary()
            left = .binary(op, left, right, left.range.through(right.range))
        }
        return left
    }

    private mutating func parseUnary() throws -> Expression {
        let outer = nesting
        defer { nesting = outer }
        if case .arithmetic(.subtract) = current.kind {
            let minus = advance()
            if case .integer(let n) = current.kind {
                let number = advance()
                return .term(Term(kind: .constant(.integer(-n)), range: minus.range.through(number.range)))
            }
            try enterNesting()
            let operand = try parseUnary()
            return .negate(operand, minus.range.through(operand.range))
        }
        if current.kind == .leftParen {
            try enterNesting()
            _ = advance()
            let inner = try parseExpression()
            _ = try expect(.rightParen, "')' to close the parenthesis")
            return inner
        }
        return .term(try parseTerm())
    }

    private mutating func parseTerm() throws -> Term {
        let token = current
        let kind: Term.Kind
        switch token.kind {
        case .variable(let name): kind = .variable(name)
        case .anonymous: kind = .anonymous
        case .string(let s): kind = .constant(.string(s))
        case .integer(let n): kind = .constant(.integer(n))
        case .parameter(let p): kind = .parameter(p)
        case .word(let w):
            if w == "not" { throw fail("'not' is a keyword; write \"not\" in quotes for the text") }
            if peek().kind == .leftParen, !peek().spaceBefore {
                throw fail("'\(w)(…)' cannot be an argument; atoms do not nest (use a variable and a second condition)")
            }
            kind = .constant(.string(w))
        default:
            throw fail("expected a variable, a constant or a parameter, found \(token.describe)")
        }
        _ = advance()
        return Term(kind: kind, range: token.range)
    }
}
