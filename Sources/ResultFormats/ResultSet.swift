/// A neutral model of a result: what every output format reads.
public struct ResultSet: Sendable, Equatable {
    public enum Cell: Sendable, Equatable {
        case integer(Int64)
        case text(String)

        /// The value as plain text.
        public var text: String {
            switch self {
            case .integer(let n): return String(n)
            case .text(let s): return s
            }
        }
    }

    public var columns: [String]
    public var rows: [[Cell]]
    /// Rows in the full answer (more than `rows.count` when a limit cut it).
    public var totalRows: Int
    /// Milliseconds spent computing the answer.
    public var elapsedMilliseconds: Double

    public init(columns: [String], rows: [[Cell]], totalRows: Int? = nil, elapsedMilliseconds: Double = 0) {
        self.columns = columns
        self.rows = rows
        self.totalRows = totalRows ?? rows.count
        self.elapsedMilliseconds = elapsedMilliseconds
    }

    /// Rows left out by a limit.
    public var omittedRows: Int { max(0, totalRows - rows.count) }
}

/// A way of writing a result: one type per format, all reading `ResultSet`.
public protocol ResultFormat: Sendable {
    /// The result as text, ending with a newline.
    func render(_ result: ResultSet) -> String
}

/// The formats by name, for `--format` and `:format`.
public enum ResultFormats {
    public static let names = ["table", "csv", "tsv", "json"]

    public static func named(_ name: String) -> ResultFormat? {
        switch name {
        case "table": return TableFormat()
        case "csv": return CSVFormat()
        case "tsv": return TSVFormat()
        case "json": return JSONFormat()
        default: return nil
        }
    }
}
