import TextLayout

/// One field per line, a rule between rows: for answers whose rows are too wide
/// for a table (long measure titles next to partners and plans), as psql's `\x`.
///
///     -[ 1 ]----------------------------
///     W  泉区
///     M  グリーン社会の実現に向けて
///     -[ 2 ]----------------------------
///     …
///     (2 rows)
///
/// Long values wrap at the terminal's width (`width`), under their column.
public struct VerticalFormat: ResultFormat {
    public var width: Int?
    public var showsTime: Bool

    public init(width: Int? = nil, showsTime: Bool = true) {
        self.width = width
        self.showsTime = showsTime
    }

    public func render(_ result: ResultSet) -> String {
        let time = showsTime ? result.elapsedMilliseconds.map(TableFormat.time) : nil
        if result.columns.isEmpty { return TableFormat(showsTime: showsTime).render(result) }
        let nameWidth = result.columns.map { DisplayWidth.of($0) }.max() ?? 0
        let ruleWidth = min(width ?? 40, 40)
        var out = result.caption.map { $0 + "\n" } ?? ""
        for (number, row) in result.rows.enumerated() {
            let head = "-[ \(number + 1) ]"
            out += head + String(repeating: "-", count: max(0, ruleWidth - head.count)) + "\n"
            for (name, cell) in zip(result.columns, row) {
                let label = name.padded(toWidth: nameWidth)
                let text = TextTable.oneLine(cell.text)
                let lines = width.map { text.wrapped(toWidth: max(10, $0 - nameWidth - 2)) } ?? [text]
                out += label + "  " + (lines.first ?? "") + "\n"
                for line in lines.dropFirst() { out += String(repeating: " ", count: nameWidth + 2) + line + "\n" }
            }
        }
        return out + TableFormat.footer(result, time: time)
    }
}
