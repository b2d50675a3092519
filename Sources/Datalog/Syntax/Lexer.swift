import TextLayout

/// Turns program text into tokens.
///
/// The text is NFKC-normalised first, character by character, keeping each
/// character's original line and column: a planner typing with a Japanese input
/// method gets full-width `（`, `，`, `：` and `？` read as `(`, `,`, `:` and `?`, and
/// diagnostics still point at what was typed.
///
/// `%` starts a comment, except inside arithmetic (after a comparison operator, in
/// the same literal) between two operands, where it is the remainder: `N = M % 2`.
struct Lexer {
    private var scalars: [Unicode.Scalar] = []
    private var lines: [Int32] = []
    private var columns: [Int32] = []
    private var position = 0
    private let file: Int
    private(set) var diagnostics = DiagnosticCollector()
    private(set) var tokens: [Token] = []
    /// For each open parenthesis (and the statement outside them): whether the
    /// current condition has had a comparison operator at that level. Kept as tokens
    /// come, so that telling `%` the remainder from `%` a comment is constant time.
    private var comparisonSeen: [Bool] = [false]

    static let keywords: Set<String> = ["not"]

    init(text: String, file: Int) {
        self.file = file
        var line: Int32 = 1
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            var column: Int32 = 0
            for character in rawLine {
                column += 1
                if character == "\r" { continue }
                let normalized: String.UnicodeScalarView
                if character.unicodeScalars.count == 1, character.unicodeScalars.first!.isASCII {
                    normalized = String(character).unicodeScalars
                } else {
                    normalized = String(character).nfkc.unicodeScalars
                }
                for scalar in normalized {
                    scalars.append(scalar)
                    lines.append(line)
                    columns.append(column)
                }
            }
            scalars.append("\n")
            lines.append(line)
            columns.append(column + 1)
            line += 1
        }
    }

    /// All tokens, ending with `.end`.
    static func tokenize(_ text: String, file: Int) -> (tokens: [Token], diagnostics: DiagnosticCollector) {
        var lexer = Lexer(text: text, file: file)
        lexer.run()
        return (lexer.tokens, lexer.diagnostics)
    }

    // MARK: - Character classes

    static func isWordLetter(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return ("a"..."z").contains(c) || ("A"..."Z").contains(c) }
        return continuesWord(c)
    }

    static func startsWord(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return ("a"..."z").contains(c) }
        return continuesWord(c) && !c.properties.isDiacritic
    }

    /// Letters, digits and `_` in ASCII; beyond ASCII anything but white space,
    /// control characters and the Japanese comma and full stop (、。), which the
    /// language reads as `,` and `.`.
    static func continuesWord(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII {
            return ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || c == "_"
        }
        switch c.value {
        case 0x3001, 0x3002: return false
        default: break
        }
        let category = c.properties.generalCategory
        return !c.properties.isWhitespace && category != .control && category != .format && category != .lineSeparator
            && category != .paragraphSeparator
    }

    // MARK: - Scanning

    private func peek(_ offset: Int = 0) -> Unicode.Scalar {
        let i = position + offset
        return i < scalars.count ? scalars[i] : "\0"
    }

    private var atEnd: Bool { position >= scalars.count }

    private func location(_ index: Int) -> SourceLocation {
        if index < scalars.count {
            return SourceLocation(line: Int(lines[index]), column: Int(columns[index]))
        }
        // Past the end: where the final line break stands, just after the last character.
        guard let lastLine = lines.last else { return SourceLocation(line: 1, column: 1) }
        return SourceLocation(line: Int(lastLine), column: Int(columns.last!))
    }

    private func range(from start: Int, to end: Int) -> SourceRange {
        // The end is just after the last character: its column + 1 in the original line.
        let last = max(start, end - 1)
        var endLocation = location(last)
        endLocation.column += 1
        if end <= start { endLocation = location(start) }
        return SourceRange(file: file, start: location(start), end: endLocation)
    }

    private mutating func error(_ message: String, from start: Int, to end: Int, notes: [String] = []) {
        diagnostics.add(Diagnostic(message, range: range(from: start, to: max(end, start + 1)), notes: notes))
    }

    /// Whether a '%' at `percentAt` stands between two arithmetic operands of a
    /// comparison: the last token is an operand, and the same condition has a
    /// comparison operator, before the '%' or later on its line (before the next
    /// ',' or '.').
    private func inArithmeticAfterOperand(percentAt: Int) -> Bool {
        guard let last = tokens.last else { return false }
        switch last.kind {
        case .integer, .variable, .rightParen, .parameter, .word: break
        default: return false
        }
        if comparisonSeen[comparisonSeen.count - 1] { return true }
        var i = percentAt + 1
        var depth = 0
        while i < scalars.count, scalars[i] != "\n" {
            switch scalars[i] {
            case "(": depth += 1
            case ")": depth -= 1
            case ",", ".", "%": if depth <= 0 { return false }
            case "=", "<", ">": if depth <= 0 { return true }
            case "!": if depth <= 0, i + 1 < scalars.count, scalars[i + 1] == "=" { return true }
            default: break
            }
            i += 1
        }
        return false
    }

    private mutating func run() {
        var spaceBefore = true
        while !atEnd {
            let c = peek()
            if c.properties.isWhitespace {
                position += 1
                spaceBefore = true
                continue
            }
            if c == "%" {
                let next = nextNonSpace(after: position + 1)
                let operandFollows = next.map { s -> Bool in
                    s == "(" || s == "$" || ("0"..."9").contains(s) || ("A"..."Z").contains(s) || s == "?" || s == "_"
                } ?? false
                if !(operandFollows && inArithmeticAfterOperand(percentAt: position)) {
                    while !atEnd && peek() != "\n" { position += 1 }
                    spaceBefore = true
                    continue
                }
            }
            let start = position
            let kind = scanToken() ?? .invalid
            tokens.append(Token(kind: kind, range: range(from: start, to: position), spaceBefore: spaceBefore))
            track(kind)
            spaceBefore = false
        }
        let end = SourceRange(file: file, start: location(scalars.count), end: location(scalars.count))
        tokens.append(Token(kind: .end, range: end, spaceBefore: true))
    }

    /// Updates `comparisonSeen` for a new token.
    private mutating func track(_ kind: Token.Kind) {
        switch kind {
        case .leftParen: comparisonSeen.append(false)
        case .rightParen: if comparisonSeen.count > 1 { comparisonSeen.removeLast() }
        case .comparison: comparisonSeen[comparisonSeen.count - 1] = true
        case .period where comparisonSeen.count == 1, .query, .directive: comparisonSeen = [false]
        case .comma, .period, .implies: comparisonSeen[comparisonSeen.count - 1] = false
        default: break
        }
    }

    private func nextNonSpace(after index: Int) -> Unicode.Scalar? {
        var i = index
        while i < scalars.count {
            let s = scalars[i]
            if s == "\n" { return nil }
            if !s.properties.isWhitespace { return s }
            i += 1
        }
        return nil
    }

    /// Scans one token at `position`; nil (with a diagnostic) for a bad character.
    private mutating func scanToken() -> Token.Kind? {
        let start = position
        let c = peek()
        position += 1
        switch c {
        case "(": return .leftParen
        case ")": return .rightParen
        case ",": return .comma
        case "+": return .arithmetic(.add)
        case "*": return .arithmetic(.multiply)
        case "/": return .arithmetic(.divide)
        case "%": return .arithmetic(.remainder)
        case "-": return .arithmetic(.subtract)
        case "=": return .comparison(.equal)
        case "<":
            if peek() == "=" { position += 1; return .comparison(.lessOrEqual) }
            return .comparison(.less)
        case ">":
            if peek() == "=" { position += 1; return .comparison(.greaterOrEqual) }
            return .comparison(.greater)
        case "!":
            if peek() == "=" { position += 1; return .comparison(.notEqual) }
            error("unexpected '!': write 'not p(…)' for negation, or '!=' for 'not equal'", from: start, to: position)
            return nil
        case ":":
            if peek() == "-" { position += 1; return .implies }
            error("unexpected ':'; a rule is written 'head :- body.'", from: start, to: position)
            return nil
        case "?":
            if peek() == "-" { position += 1; return .query }
            if Lexer.continuesWord(peek()) { return .variable("?" + scanWord(from: position, allowColon: false)) }
            error("unexpected '?': a query starts with '?-', a variable may start with '?' (?区)", from: start, to: position)
            return nil
        case ".":
            if ("a"..."z").contains(peek()), atStatementStart {
                return .directive(scanWord(from: position, allowColon: false))
            }
            return .period
        case "$":
            guard Lexer.continuesWord(peek()) else {
                error("'$' must be followed by a parameter name, as in $ward", from: start, to: position)
                return nil
            }
            return .parameter(scanWord(from: position, allowColon: false))
        case "\"":
            return scanString(start: start)
        case "0"..."9":
            return scanInteger(start: start)
        case "_":
            if Lexer.continuesWord(peek()) { return .variable("_" + scanWord(from: position, allowColon: false)) }
            return .anonymous
        case "A"..."Z":
            return .variable(String(c) + scanWord(from: position, allowColon: false))
        case "、":
            // What a Japanese input method types for ',' (NFKC already reads '，' as ',').
            return .comma
        case "。":
            // What a Japanese input method types for '.' (NFKC already reads '．' as '.').
            return .period
        case ";":
            // Reported, then read as the end of the statement it surely meant, so that
            // one slip gives one error (and the REPL does not wait for a '.').
            error("';' is not part of the language: end a statement with '.' (or '。'), and join conditions with ','", from: start, to: position)
            return .period
        default:
            if Lexer.startsWord(c) {
                return .word(String(c) + scanWord(from: position, allowColon: true))
            }
            let shown = c.properties.isWhitespace || c.value < 0x20 ? "U+" + String(c.value, radix: 16, uppercase: true) : String(c)
            error("unexpected character '\(shown)'", from: start, to: position)
            return nil
        }
    }

    /// A directive may start a statement: at the start of the text, after a '.', or
    /// as the first thing on its line (after another directive's line).
    private var atStatementStart: Bool {
        guard let last = tokens.last else { return true }
        if case .period = last.kind { return true }
        let dot = position - 1
        return lines[dot] != Int32(last.range.end.line)
    }

    /// The rest of a word from `index`; `:` is taken only between two letters.
    private mutating func scanWord(from index: Int, allowColon: Bool) -> String {
        position = index
        var text = String.UnicodeScalarView()
        while !atEnd {
            let c = peek()
            if Lexer.continuesWord(c) {
                text.append(c)
                position += 1
            } else if allowColon, c == ":", let previous = text.last, Lexer.isWordLetter(previous), Lexer.isWordLetter(peek(1)) {
                text.append(c)
                position += 1
            } else {
                break
            }
        }
        return String(text)
    }

    private mutating func scanInteger(start: Int) -> Token.Kind? {
        while ("0"..."9").contains(peek()) { position += 1 }
        let digits = String(String.UnicodeScalarView(scalars[start..<position]))
        if Lexer.continuesWord(peek()) {
            let wordStart = position
            _ = scanWord(from: position, allowColon: false)
            error("a number runs into a word; put text that starts with a digit in double quotes", from: start, to: max(wordStart + 1, position))
            return nil
        }
        guard let value = Int64(digits) else {
            error("number \(digits) is too large (the limit is \(Int64.max))", from: start, to: position)
            return nil
        }
        return .integer(value)
    }

    private mutating func scanString(start: Int) -> Token.Kind? {
        var text = String.UnicodeScalarView()
        while true {
            guard !atEnd, peek() != "\n" else {
                error("unterminated string: a closing '\"' is missing on this line", from: start, to: position)
                return nil
            }
            let c = peek()
            position += 1
            if c == "\"" { return .string(String(text)) }
            if c != "\\" {
                text.append(c)
                continue
            }
            let escapeStart = position - 1
            let e = peek()
            position += 1
            switch e {
            case "\"": text.append("\"")
            case "\\": text.append("\\")
            case "n": text.append("\n")
            case "t": text.append("\t")
            case "r": text.append("\r")
            case "u":
                guard peek() == "{" else {
                    error("bad escape: write \\u{hex digits}, e.g. \\u{6CC9}", from: escapeStart, to: position)
                    continue
                }
                position += 1
                var hex = ""
                while !atEnd, peek() != "}", peek() != "\"", peek() != "\n" { hex.unicodeScalars.append(peek()); position += 1 }
                if peek() == "}" { position += 1 }
                if let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) {
                    text.append(scalar)
                } else {
                    error("bad escape: '\(hex)' is not a Unicode scalar in hex", from: escapeStart, to: position)
                }
            default:
                error("unknown escape '\\\(e)'; the escapes are \\\" \\\\ \\n \\t \\r \\u{…}", from: escapeStart, to: position)
            }
        }
    }
}

extension String {
    /// Whether NFKC leaves the string byte for byte as it is.
    var nfkcStable: Bool { nfkc.utf8.elementsEqual(utf8) }
}
