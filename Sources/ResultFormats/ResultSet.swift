import TextLayout

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
    /// Milliseconds spent computing the answer; nil for listings that are not timed
    /// (the log, a history, statistics).
    public var elapsedMilliseconds: Double?
    /// What a row is, for the count under a table ("3 rows", "5 transactions");
    /// nil for no count line.
    public var rowNoun: String?
    /// A line above a table saying what it shows (not part of CSV, TSV or JSON rows).
    public var caption: String?

    public init(
        columns: [String], rows: [[Cell]], totalRows: Int? = nil, elapsedMilliseconds: Double? = nil,
        rowNoun: String? = "row", caption: String? = nil
    ) {
        self.columns = columns
        self.rows = rows
        self.totalRows = totalRows ?? rows.count
        self.elapsedMilliseconds = elapsedMilliseconds
        self.rowNoun = rowNoun
        self.caption = caption
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
    /// Every format a query's answers can be written in.
    public static let names = ["table", "vertical", "csv", "tsv", "json", "xlsx"]
    /// The formats that are text, for a terminal (all but xlsx).
    public static let textNames = ["table", "vertical", "csv", "tsv", "json"]

    /// The text format named `name`, or a message listing the formats (with a "did you mean").
    public static func choose(_ name: String) -> Result<ResultFormat, FormatNameError> {
        named(name).map { .success($0) } ?? .failure(FormatNameError(name: name))
    }

    public static func named(_ name: String) -> ResultFormat? {
        switch name {
        case "table": return TableFormat()
        case "vertical": return VerticalFormat()
        case "csv": return CSVFormat()
        case "tsv": return TSVFormat()
        case "json": return JSONFormat()
        default: return nil
        }
    }

    /// The format a file's extension names: `.csv`, `.tsv`, `.json`, `.xlsx`, and
    /// `.txt` for a table; nil for any other.
    public static func name(forPath path: String) -> String? {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "csv": return "csv"
        case "tsv", "tab": return "tsv"
        case "json": return "json"
        case "xlsx": return "xlsx"
        case "txt": return "table"
        default: return nil
        }
    }
}

/// A format name that is none of the text formats.
public struct FormatNameError: Error, Sendable, CustomStringConvertible {
    public let name: String

    public init(name: String) {
        self.name = name
    }
    public var description: String {
        if name == "xlsx" { return "xlsx is a file, not text: write it with -o FILE.xlsx (or :output FILE.xlsx in the shell)" }
        return "unknown format '\(name)'\(Suggestion.hint(for: name, in: ResultFormats.names)); the formats are \(ResultFormats.names.joined(separator: ", "))"
    }
}
