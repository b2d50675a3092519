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
/// A query without named variables answers "yes" or "no".
public struct TableFormat: ResultFormat {
    /// Cells wider than this are cut with "…", so one long label cannot push the rest off screen.
    public var maxCellWidth: Int
    /// Whether the footer gives the time (off for output compared in tests and scripts).
    public var showsTime: Bool

    public init(maxCellWidth: Int = 60, showsTime: Bool = true) {
        self.maxCellWidth = maxCellWidth
        self.showsTime = showsTime
    }

    public func render(_ result: ResultSet) -> String {
        let time = showsTime ? result.elapsedMilliseconds.map(Self.time) : nil
        if result.columns.isEmpty {
            return (result.totalRows > 0 ? "yes" : "no") + (time.map { " (\($0))" } ?? "") + "\n"
        }
        var table = TextTable(
            headers: result.columns,
            alignments: result.columns.indices.map { column in
                result.rows.allSatisfy { if case .integer = $0[column] { return true } else { return false } } && !result.rows.isEmpty
                    ? .right : .left
            })
        for row in result.rows {
            table.add(row.map { $0.text.truncated(toWidth: maxCellWidth) })  // unchanged when it fits
        }
        var out = result.caption.map { $0 + "\n" } ?? ""
        out += result.rows.isEmpty ? table.rendered().split(separator: "\n").prefix(2).joined(separator: "\n") : table.rendered()
        out += "\n"
        guard let noun = result.rowNoun else { return out }
        out += "(\(counted(result.totalRows, noun))"
        if result.omittedRows > 0 { out += ", \(result.omittedRows.grouped) not shown: limit \(result.rows.count)" }
        out += (time.map { ", " + $0 } ?? "") + ")\n"
        return out
    }

    static func time(_ milliseconds: Double) -> String {
        if milliseconds < 10 { return String(format: "%.1f ms", milliseconds) }
        if milliseconds < 10_000 { return String(format: "%.0f ms", milliseconds) }
        return String(format: "%.1f s", milliseconds / 1000)
    }
}


