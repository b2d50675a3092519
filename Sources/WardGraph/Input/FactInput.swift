/// Reads facts written one per line as `entity<TAB>attribute<TAB>value`, the input of
/// `wardgraph assert` and `wardgraph retract`.
///
/// - Blank lines and lines starting with `#` are skipped.
/// - A value is a node id if it has the shape `kind:name` (no spaces), an integer if it
///   is one (`-12`), and otherwise text. Text in double quotes is taken literally, with
///   the escapes `\"`, `\\`, `\n`, `\t`, `\r` and `\u{…}`; quote a text that would
///   otherwise read as an id or a number.
/// - Every line is checked and every problem reported, each with its line and column.
public enum FactInput {
    public struct Line: Sendable, Equatable {
        public let number: Int
        public let fact: Fact

        public init(number: Int, fact: Fact) {
            self.number = number
            self.fact = fact
        }
    }

    /// A problem on one input line; `column` counts characters from 1.
    public struct Problem: Error, Sendable, Equatable {
        public let line: Int
        public let column: Int
        public let message: String
        public let text: String
    }

    /// Parses every line; the facts if all are well-formed, else all the problems.
    public static func parse(_ text: String) -> Result<[Line], ProblemList> {
        var lines: [Line] = []
        var problems: [Problem] = []
        var number = 0
        // "\r\n" is one Character in Swift, so split on both forms of line break.
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            number += 1
            var line = Substring(raw)
            if line.hasSuffix("\r") { line = line.dropLast() }
            switch parse(line: line, number: number) {
            case .success(let fact?): lines.append(Line(number: number, fact: fact))
            case .success(nil): continue
            case .failure(let problem): problems.append(problem)
            }
        }
        return problems.isEmpty ? .success(lines) : .failure(ProblemList(problems: problems))
    }

    /// Parses one line: a fact, nil for a blank or comment line, or the problem.
    public static func parse(line: Substring, number: Int) -> Result<Fact?, Problem> {
        if line.allSatisfy({ $0 == " " || $0 == "\t" }) || line.hasPrefix("#") { return .success(nil) }
        switch parseLine(line) {
        case .success(let fact): return .success(fact)
        case .failure(let failure):
            return .failure(Problem(line: number, column: failure.column, message: failure.message, text: String(line)))
        }
    }

    public struct ProblemList: Error, Sendable, Equatable {
        public let problems: [Problem]
    }

    struct Failure: Error {
        let column: Int
        let message: String
    }

    static func parseLine(_ line: Substring) -> Result<Fact, Failure> {
        // Split on the UTF-8 view: a tab is one byte, and grapheme breaking is slow.
        let fields = line.utf8.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false).map { Substring($0) }
        guard fields.count == 3 else {
            let column = fields.count > 3 ? column(of: fields[3].startIndex, in: line) : line.count + 1
            return .failure(Failure(
                column: column,
                message: "expected 3 fields separated by tabs (entity, attribute, value), found \(fields.count)"))
        }
        let entity: NodeID
        do { entity = try NodeID(parsing: String(fields[0])) } catch {
            return .failure(Failure(column: 1, message: error.description))
        }
        let attribute = String(fields[1])
        guard FactRules.isAttributeName(attribute) else {
            return .failure(Failure(column: column(of: fields[1].startIndex, in: line), message: FactError.invalidAttribute(attribute).description))
        }
        // Columns are counted in characters, only when a message needs one.
        var valueColumn: Int { column(of: fields[2].startIndex, in: line) }
        switch parseValue(fields[2]) {
        case .success(let value):
            let fact = Fact(entity, attribute, value)
            do { try FactRules.validate(fact) } catch {
                // Point at the field at fault: the entity for a wrong start, else the value.
                let column: Int
                switch error {
                case .wrongKind(_, "start", _, _): column = 1
                case .nodeValueWithoutEdge, .invalidAttribute: column = self.column(of: fields[1].startIndex, in: line)
                default: column = valueColumn
                }
                return .failure(Failure(column: column, message: error.description))
            }
            return .success(fact)
        case .failure(let failure):
            return .failure(Failure(column: valueColumn + failure.column - 1, message: failure.message))
        }
    }

    /// A value field: quoted text, an integer, a node id, or plain text.
    static func parseValue(_ field: Substring) -> Result<FactValue, Failure> {
        if field.hasPrefix("\"") { return unquote(field).map(FactValue.text) }
        if let n = Int64(field) { return .success(.integer(n)) }
        if NodeID.looksLikeID(String(field)) {
            do { return .success(.node(try NodeID(parsing: String(field)))) } catch {
                return .failure(Failure(column: 1, message: "\(error); to store it as text, put it in double quotes"))
            }
        }
        if field.isEmpty { return .failure(Failure(column: 1, message: "empty value; write \"\" for an empty text")) }
        return .success(.text(String(field)))
    }

    /// Reads a double-quoted text with escapes; it must end at the closing quote.
    static func unquote(_ field: Substring) -> Result<String, Failure> {
        var result = ""
        let scalars = Array(field.unicodeScalars.dropFirst())
        var i = 0
        func fail(_ message: String) -> Result<String, Failure> {
            .failure(Failure(column: i + 2, message: message))
        }
        while i < scalars.count {
            let c = scalars[i]
            if c == "\"" {
                guard i == scalars.count - 1 else { return .failure(Failure(column: i + 3, message: "text after the closing quote")) }
                return .success(result)
            }
            if c == "\\" {
                guard i + 1 < scalars.count else { return fail("a backslash at the end of the text") }
                let e = scalars[i + 1]
                switch e {
                case "\"": result += "\""
                case "\\": result += "\\"
                case "n": result += "\n"
                case "t": result += "\t"
                case "r": result += "\r"
                case "u":
                    guard i + 2 < scalars.count, scalars[i + 2] == "{",
                          let close = scalars[(i + 3)...].firstIndex(of: "}"),
                          let value = UInt32(String(String.UnicodeScalarView(scalars[(i + 3)..<close])), radix: 16),
                          let scalar = Unicode.Scalar(value)
                    else { return fail("bad \\u escape: write \\u{hex digits}, e.g. \\u{6CC9}") }
                    result.unicodeScalars.append(scalar)
                    i = close + 1
                    continue
                default:
                    return fail("unknown escape \\\(e); the escapes are \\\" \\\\ \\n \\t \\r \\u{…}")
                }
                i += 2
                continue
            }
            result.unicodeScalars.append(c)
            i += 1
        }
        return .failure(Failure(column: 1, message: "the quoted text has no closing quote"))
    }

    static func column(of index: Substring.Index, in line: Substring) -> Int {
        line.distance(from: line.startIndex, to: index) + 1
    }
}
