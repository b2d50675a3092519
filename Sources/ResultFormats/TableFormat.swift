import Foundation
import TextLayout

/// An aligned table for people: columns line up by display width (East Asian
/// characters take two columns), then a line with the row count and the time.
///
///     W       P
///     ------  ----------------
///     港北区  社会福祉協議会
///     (1 row, 0.4 ms)
///
/// A query without named variables answers "yes" or "no". The caption (the years
/// an answer read, the query it answers) stands above.
///
/// On a terminal the table fits its width (`width`): when the natural table is
/// wider, the widest columns are cut, each to the same width and with "…", so that
/// narrow columns keep their full values; when even that would leave columns too
/// narrow to read, the rows are shown one field per line (`VerticalFormat`).
/// Without a width (a file, a pipe) nothing is cut.
public struct TableFormat: ResultFormat {
    /// The terminal's width in columns; nil for no limit.
    public var width: Int?
    /// Whether the footer gives the time (off for output compared in tests and scripts).
    public var showsTime: Bool

    /// The narrowest a cut column may become before the vertical view is used instead.
    static let narrowestColumn = 8

    public init(width: Int? = nil, showsTime: Bool = true) {
        self.width = width
        self.showsTime = showsTime
    }

    public func render(_ result: ResultSet) -> String {
        let time = showsTime ? result.elapsedMilliseconds.map(Self.time) : nil
        let caption = result.caption.map { $0 + "\n" } ?? ""
        if result.columns.isEmpty {
            return caption + (result.totalRows > 0 ? "yes" : "no") + (time.map { " (\($0))" } ?? "") + "\n"
        }
        var cells = result.rows.map { $0.map { TextTable.oneLine($0.text) } }
        if let width, let cap = Self.columnCap(columns: result.columns, cells: cells, width: width) {
            guard cap >= Self.narrowestColumn else { return VerticalFormat(width: width, showsTime: showsTime).render(result) }
            cells = cells.map { $0.map { $0.truncated(toWidth: cap) } }  // unchanged when it fits
        }
        var table = TextTable(
            headers: result.columns,
            alignments: result.columns.indices.map { column in
                // Numbers (and the blanks of a pivot) stand right, as in a spreadsheet.
                let numeric = result.rows.allSatisfy { row in
                    switch row[column] {
                    case .integer: return true
                    case .text(let text): return text.isEmpty
                    }
                }
                return numeric && result.rows.contains { if case .integer = $0[column] { return true } else { return false } } ? .right : .left
            })
        for row in cells { table.add(row) }
        var out = caption
        out += result.rows.isEmpty ? table.rendered().split(separator: "\n").prefix(2).joined(separator: "\n") : table.rendered()
        out += "\n" + Self.footer(result, time: time)
        return out
    }

    /// `(3 rows, 1 not shown: limit 2, 1.2 ms)`, or nothing for listings without a count.
    static func footer(_ result: ResultSet, time: String?) -> String {
        guard let noun = result.rowNoun else { return "" }
        var out = "(\(counted(result.totalRows, noun))"
        if result.omittedRows > 0 { out += ", \(result.omittedRows.grouped) not shown: limit \(result.rows.count)" }
        return out + (time.map { ", " + $0 } ?? "") + ")\n"
    }

    /// The widest a column may be for the table to fit `width`, or nil when it fits
    /// as it is: the largest cap such that the columns, each cut to it, fit.
    static func columnCap(columns: [String], cells: [[String]], width: Int) -> Int? {
        var natural = columns.map { DisplayWidth.of($0) }
        for row in cells {
            for (i, cell) in row.enumerated() where i < natural.count { natural[i] = max(natural[i], DisplayWidth.of(cell)) }
        }
        let separators = 2 * (columns.count - 1)
        func total(_ cap: Int) -> Int { natural.reduce(separators) { $0 + min($1, cap) } }
        guard total(Int.max) > width else { return nil }
        var low = 0, high = natural.max() ?? 0
        while low < high {
            let middle = (low + high + 1) / 2
            if total(middle) <= width { low = middle } else { high = middle - 1 }
        }
        return low
    }

    static func time(_ milliseconds: Double) -> String {
        if milliseconds < 10 { return String(format: "%.1f ms", milliseconds) }
        if milliseconds < 10_000 { return String(format: "%.0f ms", milliseconds) }
        return String(format: "%.1f s", milliseconds / 1000)
    }
}
