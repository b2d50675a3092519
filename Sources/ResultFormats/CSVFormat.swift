import Foundation
/// RFC 4180 CSV with a header line: fields with a comma, a quote or a line break are
/// quoted, with quotes doubled.
public struct CSVFormat: ResultFormat {
    public init() {}

    public func render(_ result: ResultSet) -> String {
        var out = result.columns.map(Self.field).joined(separator: ",") + "\n"
        for row in result.rows {
            out += row.map { Self.field($0.text) }.joined(separator: ",") + "\n"
        }
        return out
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
        var out = result.columns.map(Self.field).joined(separator: "\t") + "\n"
        for row in result.rows {
            out += row.map { Self.field($0.text) }.joined(separator: "\t") + "\n"
        }
        return out
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


