/// A small DOT parser used as a test oracle when `dot` is not installed.
///
/// It follows Graphviz's own grammar (lib/cgraph/grammar.y) and lexer rules for
/// quoted strings (lib/cgraph/scan.l): inside quotes only `\"` is unescaped, and
/// `\\` is kept as two characters. It rejects what Graphviz would reject and also
/// what the writer must never produce: HTML labels `<…>`, line breaks inside a
/// string, control characters anywhere. Then it hands back the statements, so a
/// test can check that every label reads back as the text that went in.
struct DotSyntax {
    struct Statement {
        enum Kind: Equatable { case node(String), edge(String, String), attributes(String) }
        let kind: Kind
        let attributes: [String: String]
        /// Names of the enclosing subgraphs, outermost first.
        let subgraphs: [String]
    }

    struct Failure: Error, CustomStringConvertible {
        let message: String
        let offset: Int
        var description: String { "DOT syntax error at byte \(offset): \(message)" }
    }

    let isDirected: Bool
    let name: String?
    let statements: [Statement]

    var nodes: [(id: String, attributes: [String: String], subgraphs: [String])] {
        statements.compactMap {
            if case .node(let id) = $0.kind { return (id, $0.attributes, $0.subgraphs) }
            return nil
        }
    }

    var edges: [(from: String, to: String, attributes: [String: String], subgraphs: [String])] {
        statements.compactMap {
            if case .edge(let from, let to) = $0.kind { return (from, to, $0.attributes, $0.subgraphs) }
            return nil
        }
    }

    init(parsing text: String) throws {
        var parser = Parser(tokens: try Lexer.tokens(Array(text.utf8)))
        (isDirected, name, statements) = try parser.graph()
    }

    /// What Graphviz shows for an escString label: `\\` → `\`, `\n` `\l` `\r` →
    /// line break, then HTML entities decoded. Returns the lines.
    static func displayLines(_ value: String) -> [String] {
        var text = ""
        var iterator = value.unicodeScalars.makeIterator()
        while let scalar = iterator.next() {
            guard scalar == "\\" else { text.unicodeScalars.append(scalar); continue }
            guard let next = iterator.next() else { text += "\\"; break }
            switch next {
            case "n", "l", "r": text += "\n"
            default: text.unicodeScalars.append(next)
            }
        }
        return decodeEntities(text).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// Decodes `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&#NN;`, `&#xHH;` in one pass.
    static func decodeEntities(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[amp...]
            if let semi = after.prefix(12).firstIndex(of: ";") {
                let name = after[after.index(after: amp)..<semi]
                let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]
                var decoded: String?
                if let value = named[String(name)] {
                    decoded = value
                } else if name.hasPrefix("#x") || name.hasPrefix("#X"), let code = UInt32(name.dropFirst(2), radix: 16) {
                    decoded = Unicode.Scalar(code).map { String(Character($0)) }
                } else if name.hasPrefix("#"), let code = UInt32(name.dropFirst()) {
                    decoded = Unicode.Scalar(code).map { String(Character($0)) }
                }
                if let decoded {
                    out += decoded
                    rest = after[after.index(after: semi)...]
                    continue
                }
            }
            out += "&"
            rest = after.dropFirst()
        }
        return out + rest
    }

    enum Token: Equatable {
        case id(String, quoted: Bool)
        case punctuation(String)  // { } [ ] ; , = : -> --
    }

    enum Lexer {
        static func tokens(_ bytes: [UInt8]) throws -> [(token: Token, offset: Int)] {
            var result: [(Token, Int)] = []
            var i = 0
            func fail(_ message: String) -> Failure { Failure(message: message, offset: i) }
            while i < bytes.count {
                let byte = bytes[i]
                if byte < 0x20 && byte != 0x0A && byte != 0x09 && byte != 0x0D || byte == 0x7F {
                    throw fail("control character 0x\(String(byte, radix: 16))")
                }
                switch byte {
                case 0x20, 0x09, 0x0A, 0x0D:
                    i += 1
                case UInt8(ascii: "/") where i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "/"):
                    while i < bytes.count && bytes[i] != 0x0A { i += 1 }
                case UInt8(ascii: "/") where i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "*"):
                    i += 2
                    while i + 1 < bytes.count && !(bytes[i] == UInt8(ascii: "*") && bytes[i + 1] == UInt8(ascii: "/")) { i += 1 }
                    guard i + 1 < bytes.count else { throw fail("unterminated comment") }
                    i += 2
                case UInt8(ascii: "\""):
                    let start = i
                    i += 1
                    var value: [UInt8] = []
                    while true {
                        guard i < bytes.count else { throw Failure(message: "unterminated string", offset: start) }
                        let c = bytes[i]
                        if c == UInt8(ascii: "\"") { i += 1; break }
                        if c == 0x0A || c == 0x0D { throw fail("line break inside a quoted string") }
                        if c == UInt8(ascii: "\\"), i + 1 < bytes.count {
                            let n = bytes[i + 1]
                            if n == UInt8(ascii: "\"") { value.append(n); i += 2; continue }
                            if n == UInt8(ascii: "\\") { value += [c, n]; i += 2; continue }
                            if n == 0x0A { i += 2; continue }
                        }
                        value.append(c)
                        i += 1
                    }
                    result.append((.id(String(decoding: value, as: UTF8.self), quoted: true), start))
                case UInt8(ascii: "-") where i + 1 < bytes.count && (bytes[i + 1] == UInt8(ascii: ">") || bytes[i + 1] == UInt8(ascii: "-")):
                    result.append((.punctuation(String(decoding: bytes[i...i + 1], as: UTF8.self)), i))
                    i += 2
                case UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "["), UInt8(ascii: "]"),
                     UInt8(ascii: ";"), UInt8(ascii: ","), UInt8(ascii: "="), UInt8(ascii: ":"):
                    result.append((.punctuation(String(UnicodeScalar(byte))), i))
                    i += 1
                case UInt8(ascii: "<"):
                    throw fail("HTML string '<' outside quotes")
                default:
                    let start = i
                    func isIDByte(_ b: UInt8) -> Bool {
                        b >= 0x80 || b == UInt8(ascii: "_") || b == UInt8(ascii: ".")
                            || (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A)
                    }
                    while i < bytes.count && isIDByte(bytes[i]) { i += 1 }
                    guard i > start else { throw fail("unexpected character '\(UnicodeScalar(byte))'") }
                    result.append((.id(String(decoding: bytes[start..<i], as: UTF8.self), quoted: false), start))
                }
            }
            return result
        }
    }

    struct Parser {
        let tokens: [(token: Token, offset: Int)]
        var position = 0
        var statements: [Statement] = []
        var subgraphs: [String] = []
        var isDirected = true

        init(tokens: [(token: Token, offset: Int)]) { self.tokens = tokens }

        var current: Token? { position < tokens.count ? tokens[position].token : nil }

        func fail(_ message: String) -> Failure {
            Failure(message: message, offset: position < tokens.count ? tokens[position].offset : -1)
        }

        func isKeyword(_ word: String) -> Bool {
            if case .id(let value, quoted: false) = current { return value.lowercased() == word }
            return false
        }

        mutating func expect(_ punctuation: String) throws {
            guard current == .punctuation(punctuation) else { throw fail("expected '\(punctuation)'") }
            position += 1
        }

        mutating func accept(_ punctuation: String) -> Bool {
            guard current == .punctuation(punctuation) else { return false }
            position += 1
            return true
        }

        mutating func id() throws -> String {
            guard case .id(let value, let quoted) = current else { throw fail("expected an ID") }
            if !quoted, ["node", "edge", "graph", "digraph", "subgraph", "strict"].contains(value.lowercased()) {
                throw fail("keyword '\(value)' used as an ID")
            }
            position += 1
            return value
        }

        mutating func graph() throws -> (Bool, String?, [Statement]) {
            if isKeyword("strict") { position += 1 }
            if isKeyword("digraph") { isDirected = true } else if isKeyword("graph") { isDirected = false } else {
                throw fail("expected 'graph' or 'digraph'")
            }
            position += 1
            let name = current == .punctuation("{") ? nil : try id()
            try expect("{")
            try statementList()
            try expect("}")
            guard position == tokens.count else { throw fail("text after the closing brace") }
            return (isDirected, name, statements)
        }

        mutating func statementList() throws {
            while let token = current, token != .punctuation("}") {
                try statement()
                _ = accept(";")
            }
        }

        mutating func attributeList() throws -> [String: String] {
            var attributes: [String: String] = [:]
            while accept("[") {
                while !accept("]") {
                    let name = try id()
                    try expect("=")
                    attributes[name] = try id()
                    _ = accept(",") || accept(";")
                }
            }
            return attributes
        }

        mutating func statement() throws {
            for kind in ["graph", "node", "edge"] where isKeyword(kind) {
                position += 1
                guard current == .punctuation("[") else { throw fail("expected '[' after '\(kind)'") }
                statements.append(Statement(kind: .attributes(kind), attributes: try attributeList(), subgraphs: subgraphs))
                return
            }
            if isKeyword("subgraph") || current == .punctuation("{") {
                _ = try subgraph()
                guard current != .punctuation("->") && current != .punctuation("--") else {
                    throw fail("edges from subgraphs are not expected from the writer")
                }
                return
            }
            let first = try nodeID()
            if accept("=") {
                statements.append(Statement(kind: .attributes("graph"), attributes: [first: try id()], subgraphs: subgraphs))
                return
            }
            var ends = [first]
            while let token = current, token == .punctuation("->") || token == .punctuation("--") {
                guard token == .punctuation(isDirected ? "->" : "--") else { throw fail("wrong edge operator for this graph") }
                position += 1
                ends.append(try nodeID())
            }
            let attributes = try attributeList()
            if ends.count == 1 {
                statements.append(Statement(kind: .node(first), attributes: attributes, subgraphs: subgraphs))
            } else {
                for (from, to) in zip(ends, ends.dropFirst()) {
                    statements.append(Statement(kind: .edge(from, to), attributes: attributes, subgraphs: subgraphs))
                }
            }
        }

        mutating func nodeID() throws -> String {
            let name = try id()
            if accept(":") { _ = try id(); if accept(":") { _ = try id() } }
            return name
        }

        mutating func subgraph() throws -> String {
            var name = ""
            if isKeyword("subgraph") {
                position += 1
                if current != .punctuation("{") { name = try id() }
            }
            try expect("{")
            subgraphs.append(name)
            try statementList()
            subgraphs.removeLast()
            try expect("}")
            return name
        }
    }
}
