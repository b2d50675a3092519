import Foundation
import TextLayout

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
        let elapsed = result.elapsedMilliseconds.map { String(format: "%.3f", $0) } ?? "null"
        out += "], \"total_rows\": \(result.totalRows), \"elapsed_ms\": \(elapsed)}\n"
        return out
    }
}
