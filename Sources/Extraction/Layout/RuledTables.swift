/// Tables drawn with rules, rewritten as the aligned columns that ``TableReader``
/// reads:
///
///     ┌────────────┬──────────────┬──────┐
///     │取組名      │主な内容      │担当  │        取組名              主な内容                    担当
///     ├────────────┼──────────────┼──────┤   →    地域防災拠点の機能強化  拠点運営委員会と連携した訓練  総務課
///     │地域防災拠点│拠点運営委員会│総務課│
///     │の機能強化  │と連携した訓練│      │
///     └────────────┴──────────────┴──────┘
///
///     | 取組名 | 主な内容 | 担当 |             (the same, one row a line)
///     |---|---|---|
///
/// A dump keeps a table's rules when the document drew them with box-drawing
/// characters or pipes. Cells are the text between the bars; where rules stand
/// between the rows, the lines between two rules are one row whose cells are joined
/// line by line (a name wrapped in its cell comes out whole); otherwise each line is a
/// row. Each row becomes one line that keeps the number of its first line, its cells
/// padded to their column's width; the rules go.
enum RuledTables {
    /// `lines` with every ruled table rewritten; the lines themselves when none has bars.
    static func unruled(_ lines: [SourceLine]) -> [SourceLine] {
        guard lines.contains(where: { isCellLine($0.raw) }) else { return lines }
        var result: [SourceLine] = []
        result.reserveCapacity(lines.count)
        var i = 0
        while i < lines.count {
            guard isCellLine(lines[i].raw) || isRule(lines[i].raw) else {
                result.append(lines[i])
                i += 1
                continue
            }
            var end = i
            while end < lines.count, isCellLine(lines[end].raw) || isRule(lines[end].raw) { end += 1 }
            let block = Array(lines[i..<end])
            if block.contains(where: { isCellLine($0.raw) }) {
                result += rows(of: block)
            } else {
                result += block  // rules alone: a line drawn across the page
            }
            i = end
        }
        return result
    }

    /// The rows of a ruled block, each as one line of aligned cells.
    private static func rows(of block: [SourceLine]) -> [SourceLine] {
        // Rules between data rows (after the first row of cells) group the lines.
        let cellIndices = block.indices.filter { isCellLine(block[$0].raw) }
        let rulesBetweenRows = block.indices.filter { isRule(block[$0].raw) && $0 > cellIndices[0] && $0 < cellIndices[cellIndices.count - 1] }.count > 1
        var groups: [[SourceLine]] = []
        var current: [SourceLine] = []
        for line in block {
            if isRule(line.raw) {
                if !current.isEmpty { groups.append(current); current = [] }
            } else if rulesBetweenRows {
                current.append(line)
            } else {
                groups.append([line])
            }
        }
        if !current.isEmpty { groups.append(current) }
        let cells = groups.map(joinedCells)
        let columns = cells.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in cells { for (k, cell) in row.enumerated() { widths[k] = Swift.max(widths[k], width(of: cell)) } }
        return zip(groups, cells).map { group, row in
            var raw = ""
            for (k, cell) in row.enumerated() {
                raw += cell
                if k < row.count - 1 { raw += String(repeating: " ", count: widths[k] - width(of: cell) + gap) }
            }
            return SourceLine(number: group[0].number, raw: raw)
        }
    }

    /// The cells of the lines of one row, each joined across the lines.
    private static func joinedCells(_ lines: [SourceLine]) -> [String] {
        var cells: [String] = []
        for line in lines {
            for (k, cell) in cellTexts(line.raw).enumerated() {
                if k == cells.count { cells.append(cell); continue }
                let latin = cells[k].unicodeScalars.last.map(ScalarClass.isASCIILetter) == true
                    && cell.unicodeScalars.first.map(ScalarClass.isASCIILetter) == true
                cells[k] += (latin ? " " : "") + cell
            }
        }
        return cells
    }

    /// The text between the bars of a line of cells, trimmed.
    private static func cellTexts(_ raw: String) -> [String] {
        var cells = raw.unicodeScalars.split(omittingEmptySubsequences: false) { bars.contains($0) }
            .map { String(String.UnicodeScalarView($0)).trimmingSpaces() }
        if cells.first?.isEmpty == true { cells.removeFirst() }  // before the first bar: the margin
        if cells.last?.isEmpty == true { cells.removeLast() }    // after the last bar
        return cells
    }

    /// A line of cells: it opens with a bar (after its margin) and holds another.
    static func isCellLine(_ raw: String) -> Bool {
        guard let first = raw.unicodeScalars.first(where: { !ScalarClass.isWhitespace($0) && $0.value != 0x0C }), bars.contains(first)
        else { return false }
        return raw.unicodeScalars.filter { bars.contains($0) }.count >= 2 && raw.unicodeScalars.contains { ScalarClass.isLetter($0) }
    }

    /// A rule: nothing but rule characters (at least three) and white space.
    static func isRule(_ raw: String) -> Bool {
        var count = 0
        for s in raw.unicodeScalars where !ScalarClass.isWhitespace(s) && s.value != 0x0C {
            guard ruleCharacters.contains(s) || bars.contains(s) else { return false }
            if ruleCharacters.contains(s) { count += 1 }
        }
        return count >= 3
    }

    private static func width(of text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + RawSegments.width(of: $1) }
    }

    private static let gap = 4
    /// Vertical bars: box drawing, ASCII and full-width pipes.
    private static let bars: Set<Unicode.Scalar> = ["│", "┃", "║", "|", "｜", "¦"]
    /// Horizontal rules, corners and joints (light, heavy, double), and the dashes,
    /// colons and pluses of text tables.
    private static let ruleCharacters: Set<Unicode.Scalar> = [
        "─", "━", "═", "┌", "┐", "└", "┘", "├", "┤", "┬", "┴", "┼", "┏", "┓", "┗", "┛", "┣", "┫", "┳", "┻", "╋",
        "╔", "╗", "╚", "╝", "╠", "╣", "╦", "╩", "╬", "┠", "┨", "┯", "┷", "┿", "╂", "-", "－", "=", "＝", "+", ":", "：",
    ]
}
