import TextLayout

/// A result turned into a matrix: one row per value of one column, one column per
/// value of another, as a spreadsheet's pivot table. `ward_partner(W, P)` pivoted
/// on `W,P` is the ward × partner matrix that shows at a glance who shares what.
///
///     W       企業  商店街  …  計
///     泉区       1       1      15
///     港北区     1       1      22
///     計         4       2
///
/// Without a value column each cell counts the answer's rows with that pair (blank
/// for none), with totals (`計`) for each row and column; with one (`W,P,M`) each
/// cell lists the distinct values of that column, joined by `、`. Rows and columns
/// are in the answer's order (numbers first, texts by code point).
public struct Pivot: Sendable, Equatable {
    public let rowColumn: String
    public let columnColumn: String
    public let valueColumn: String?

    /// The label of the totals row and column.
    public static let total = "計"

    public init(rows: String, columns: String, values: String? = nil) {
        rowColumn = rows
        columnColumn = columns
        valueColumn = values
    }

    /// Reads `ROW,COL` or `ROW,COL,VALUE` (as given to `--pivot`).
    public init?(_ text: String) {
        let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2 || parts.count == 3, parts.allSatisfy({ !$0.isEmpty }) else { return nil }
        self.init(rows: parts[0], columns: parts[1], values: parts.count == 3 ? parts[2] : nil)
    }

    public struct MissingColumn: Error, CustomStringConvertible {
        public let name: String
        public let columns: [String]
        public var description: String {
            "the answer has no column \(name)\(Suggestion.hint(for: name, in: columns)); its columns are \(columns.joined(separator: ", "))"
        }
    }

    /// The matrix of `result`. Every row of the answer counts, so pivot the whole
    /// answer, not a page of it.
    public func apply(to result: ResultSet) throws(MissingColumn) -> ResultSet {
        func index(_ name: String) throws(MissingColumn) -> Int {
            guard let i = result.columns.firstIndex(of: name) else { throw MissingColumn(name: name, columns: result.columns) }
            return i
        }
        let r = try index(rowColumn), c = try index(columnColumn)
        let v = try valueColumn.map { name throws(MissingColumn) in try index(name) }
        var rowKeys: [ResultSet.Cell] = [], columnKeys: [ResultSet.Cell] = []
        var seenRows = Set<String>(), seenColumns = Set<String>()
        var counts: [String: [String: Int]] = [:]
        var values: [String: [String: [String]]] = [:]
        for row in result.rows {
            let rowKey = row[r].text, columnKey = row[c].text
            if seenRows.insert(rowKey).inserted { rowKeys.append(row[r]) }
            if seenColumns.insert(columnKey).inserted { columnKeys.append(row[c]) }
            counts[rowKey, default: [:]][columnKey, default: 0] += 1
            if let v {
                let value = row[v].text
                if !(values[rowKey]?[columnKey]?.contains(value) ?? false) { values[rowKey, default: [:]][columnKey, default: []].append(value) }
            }
        }
        rowKeys.sort(by: Self.order)
        columnKeys.sort(by: Self.order)
        var rows: [[ResultSet.Cell]] = []
        for rowKey in rowKeys {
            var cells: [ResultSet.Cell] = [rowKey]
            var sum = 0
            for columnKey in columnKeys {
                let count = counts[rowKey.text]?[columnKey.text] ?? 0
                sum += count
                if v != nil {
                    cells.append(.text(values[rowKey.text]?[columnKey.text]?.joined(separator: "、") ?? ""))
                } else {
                    cells.append(count == 0 ? .text("") : .integer(Int64(count)))
                }
            }
            if v == nil { cells.append(.integer(Int64(sum))) }
            rows.append(cells)
        }
        var columns = [rowColumn] + columnKeys.map(\.text)
        if v == nil {
            columns.append(Self.total)
            var totals: [ResultSet.Cell] = [.text(Self.total)]
            var all = 0
            for columnKey in columnKeys {
                let sum = rowKeys.reduce(0) { $0 + (counts[$1.text]?[columnKey.text] ?? 0) }
                all += sum
                totals.append(.integer(Int64(sum)))
            }
            totals.append(.integer(Int64(all)))
            rows.append(totals)
        }
        var pivoted = ResultSet(columns: columns, rows: rows, elapsedMilliseconds: result.elapsedMilliseconds, caption: result.caption)
        pivoted.rowNoun = result.rowNoun
        pivoted.totalRows = rows.count
        return pivoted
    }

    /// Numbers first, by value; then texts by code point (the engine's order).
    static func order(_ a: ResultSet.Cell, _ b: ResultSet.Cell) -> Bool {
        switch (a, b) {
        case (.integer(let x), .integer(let y)): return x < y
        case (.integer, .text): return true
        case (.text, .integer): return false
        case (.text(let x), .text(let y)): return x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars)
        }
    }
}
