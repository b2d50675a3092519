import Foundation
/// RFC 4180 CSV with a header line: fields with a comma, a quote or a line break are
/// quoted, with quotes doubled.
public struct CSVFormat: ResultFormat {
    public init() {}

    public func render(_ result: ResultSet) -> String {
        delimitedLines(result, separator: ",", field: Self.field)
    }

    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// Tab-separated values with a header line; tabs, line breaks and backslashes in a
/// value are written `\t`, `\n`, `\r` and `\\`, so that every row is one line.
public struct TSVFormat: ResultFormat {
    public init() {}

    public func render(_ result: ResultSet) -> String {
        delimitedLines(result, separator: "\t", field: Self.field)
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

/// The header line, then one line per row: each value written by `field`, the
/// values joined by `separator`, every line ending in a newline (CSV and TSV).
private func delimitedLines(_ result: ResultSet, separator: String, field: (String) -> String) -> String {
    var out = result.columns.map(field).joined(separator: separator) + "\n"
    for row in result.rows {
        out += row.map { field($0.text) }.joined(separator: separator) + "\n"
    }
    return out
}
