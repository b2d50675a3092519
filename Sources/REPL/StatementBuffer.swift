/// Collects typed or pasted lines into complete statements.
///
/// A statement ends with a '.' (or the Japanese '。' and '．') outside strings,
/// comments and parentheses, so a rule can be typed over several lines (the prompt
/// shows the continuation), and a line or a paste holding several statements yields
/// each of them, in order. A ';' ends one too, so that the language's error for it
/// is shown at once instead of a prompt waiting for a '.'. A line starting with ':'
/// and a letter (`:help`) is a meta-command when nothing is pending, and so are the
/// words `help`, `exit` and `quit` typed alone; `.limit N` is complete at the end of
/// its line.
public struct StatementBuffer: Sendable {
    public private(set) var pending = ""
    /// The number of lines added so far.
    public private(set) var lineNumber = 0
    /// The line the pending statement starts on (from 1), for "unterminated" errors.
    public private(set) var pendingStartLine = 0

    /// Words that do what they say when typed alone, as people type them at any prompt.
    public static let bareCommands: Set<String> = ["help", "exit", "quit"]

    public init() {}

    /// Nothing but white space and comments is pending.
    public var isEmpty: Bool {
        pending.split(separator: "\n").allSatisfy { line in
            let trimmed = line.drop(while: \.isWhitespace)
            return trimmed.isEmpty || trimmed.hasPrefix("%")
        }
    }

    public mutating func clear() {
        pending = ""
    }

    /// Adds one line; returns the statements (and meta-commands) it completed.
    public mutating func add(line: String) -> [String] {
        lineNumber += 1
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        let isMeta = trimmed.hasPrefix(":") && (trimmed.dropFirst().first?.isLetter ?? false)
        if isEmpty {
            pending = ""
            pendingStartLine = lineNumber
            if trimmed.isEmpty || trimmed.hasPrefix("%") { return [] }
            if isMeta { return [trimmed] }
            if Self.bareCommand(trimmed) != nil { return [trimmed] }
            if trimmed.hasPrefix("."), let next = trimmed.dropFirst().first, next.isLetter { return [trimmed] }
        } else if isMeta {
            // No statement continues with ':name' (only with ':-'), so the pending text
            // was left unfinished: hand it over as it is (its error is reported), then the command.
            let unfinished = pending.trimmingCharacters(in: .whitespacesAndNewlines)
            pending = ""
            return [unfinished, trimmed]
        }
        pending += line + "\n"
        return split()
    }

    /// Cuts complete statements off the front of `pending`.
    private mutating func split() -> [String] {
        var statements: [String] = []
        let characters = Array(pending)
        var start = 0
        var inString = false
        var escaped = false
        var inComment = false
        var depth = 0
        var i = 0
        while i < characters.count {
            let c = characters[i]
            if inComment {
                if c == "\n" { inComment = false }
            } else if inString {
                if escaped { escaped = false }
                else if c == "\\" { escaped = true }
                else if c == "\"" { inString = false }
                else if c == "\n" { inString = false }  // an unterminated string ends at the line; the parser reports it
            } else {
                switch c {
                case "\"": inString = true
                case "%": if !isRemainder(characters, i) { inComment = true }
                case "(": depth += 1
                case ")": depth = max(0, depth - 1)
                case ".", ";":
                    let next = i + 1 < characters.count ? characters[i + 1] : " "
                    if depth == 0 && (next.isWhitespace || next == "%") {
                        let statement = String(characters[start...i]).trimmingCharacters(in: .whitespacesAndNewlines)
                        if !statement.isEmpty { statements.append(statement) }
                        start = i + 1
                    }
                case "。", "．":
                    if depth == 0 {
                        let statement = String(characters[start...i]).trimmingCharacters(in: .whitespacesAndNewlines)
                        if !statement.isEmpty { statements.append(statement) }
                        start = i + 1
                    }
                default: break
                }
            }
            i += 1
        }
        if start > 0 {
            // What is left starts a new statement on the line of its first character:
            // every line of `pending` ends with a line break, the last one on `lineNumber`.
            let rest = characters[start...].drop { $0.isWhitespace }
            pendingStartLine = lineNumber + 1 - rest.filter { $0 == "\n" }.count
        }
        pending = String(characters[start...])
        if isEmpty { pending = "" }
        return statements
    }

    /// The command a bare word such as `help` or `quit.` asks for, if the line is one.
    public static func bareCommand(_ line: String) -> String? {
        var word = line.trimmingCharacters(in: .whitespaces)
        if let last = word.last, last == "." || last == "。" { word.removeLast() }
        return bareCommands.contains(word) ? word : nil
    }

    /// A '%' between two operands of a comparison is the remainder, not a comment
    /// (the same reading as the language's lexer, simplified to the line).
    private func isRemainder(_ characters: [Character], _ index: Int) -> Bool {
        var before = index - 1
        while before >= 0, characters[before] == " " { before -= 1 }
        var after = index + 1
        while after < characters.count, characters[after] == " " { after += 1 }
        guard before >= 0, after < characters.count else { return false }
        let left = characters[before], right = characters[after]
        let leftIsOperand = left.isNumber || left.isLetter || left == ")"
        let rightIsOperand = right.isNumber || (right.isASCII && right.isUppercase) || right == "(" || right == "_" || right == "?"
        guard leftIsOperand && rightIsOperand else { return false }
        // Only inside a comparison: '=' '<' '>' on the same line, before or after.
        var lineStart = index
        while lineStart > 0, characters[lineStart - 1] != "\n" { lineStart -= 1 }
        var lineEnd = index
        while lineEnd < characters.count, characters[lineEnd] != "\n" { lineEnd += 1 }
        return characters[lineStart..<lineEnd].contains { $0 == "=" || $0 == "<" || $0 == ">" }
    }
}

import Foundation
