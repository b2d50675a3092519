import Foundation

/// `{"columns": […], "rows": [[…]], "total_rows": n, "elapsed_ms": t}`: integers as
/// JSON numbers, texts as strings.
public struct JSONFormat: ResultFormat {
    public init() {}

    public func render(_ result: ResultSet) -> String {
        var out = "{\"columns\": [" + result.columns.map(JSONText.string).joined(separator: ", ") + "], \"rows\": ["
        out += result.rows.map { row in
            "[" + row.map { cell -> String in
                switch cell {
                case .integer(let n): return String(n)
                case .text(let s): return JSONText.string(s)
                }
            }.joined(separator: ", ") + "]"
        }.joined(separator: ", ")
        out += "], \"total_rows\": \(result.totalRows), \"elapsed_ms\": \(String(format: "%.3f", result.elapsedMilliseconds))}\n"
        return out
    }
}

/// JSON string literals, written by hand so that Japanese text stays readable
/// (no \u escapes for non-ASCII) and key order stays fixed.
public enum JSONText {
    public static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// An object from ordered key/value pairs whose values are already JSON.
    public static func object(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { "\(string($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
    }

    public static func array(_ items: [String]) -> String {
        "[" + items.joined(separator: ", ") + "]"
    }
}
