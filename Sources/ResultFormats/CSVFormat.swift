import Foundation
/// RFC 4180 CSV with a header line, for spreadsheets: fields with a comma, a quote or
/// a line break are quoted, with quotes doubled; a text that a spreadsheet would run
/// as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) is
/// written after a `'`, which Excel and LibreOffice show as plain text (OWASP's advice
/// against CSV injection). Numbers are written as they are. The byte-order mark that
/// Excel needs to read UTF-8 is added by `ResultFile` when the CSV goes to a file.
public struct CSVFormat: ResultFormat {
    /// Whether texts that look like formulas are neutralised (on unless a test asks).
    public var excelSafe: Bool

    public init(excelSafe: Bool = true) {
        self.excelSafe = excelSafe
    }

    public func render(_ result: ResultSet) -> String {
        delimitedLines(result, separator: ",") { cell in
            if excelSafe, case .text(let text) = cell, let first = text.unicodeScalars.first, Self.formulaStarts.contains(first) {
                return Self.field("'" + text)
            }
            return Self.field(cell.text)
        }
    }

    /// The first characters that make a spreadsheet read a cell as a formula.
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// Tab-separated values with a header line, for programs: values as they are, but
/// tabs, line breaks and backslashes written `\t`, `\n`, `\r` and `\\`, so that every
/// row is one line.
public struct TSVFormat: ResultFormat {
    public init() {}

    public func render(_ result: ResultSet) -> String {
        delimitedLines(result, separator: "\t") { Self.field($0.text) }
    }

    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "\t" || $0 == "\\" || $0.isNewline }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\\": out += "\\\\"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// The header line, then one line per row: each cell written by `field`, the
/// values joined by `separator`, every line ending in a newline (CSV and TSV).
private func delimitedLines(_ result: ResultSet, separator: String, field: (ResultSet.Cell) -> String) -> String {
    var out = result.columns.map { field(.text($0)) }.joined(separator: separator) + "\n"
    for row in result.rows {
        out += row.map(field).joined(separator: separator) + "\n"
    }
    return out
}
