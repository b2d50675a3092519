/// Reads tables of initiatives that a text dump laid out in aligned columns:
///
///     番号    取組名                  主な内容                              担当
///     1-1     地域防災力の向上        地域防災拠点の訓練支援、マンション    総務課
///                                     管理組合向け防災講座
///     1-3     道路・河川・公園の適切な いたち川の護岸点検                   栄土木事務所
///             維持管理
///
/// A table is recognised by its header row: cells of table vocabulary (番号 / No.,
/// 取組名 / 事業名, 主な内容 / 概要, 担当 / 所管), at least a name column and one other.
/// A later line with as many cells as the header has columns fills them in order;
/// any other line is cut at the header's column starts (display columns, a little
/// tolerance either way). A line with text in the key column (or, without one, in
/// the name column) starts a row, and any other line continues the cells of the row
/// above, so that text wrapped inside a cell (`維持管理`, `ヨコハマSDGsデザイン` /
/// `センター`) is joined again. The table ends at a blank line or at text left of
/// its first column.
///
/// A table whose header has a column of plans (関連計画 / 中期計画) and neither
/// contents nor units in charge is a table of plans: its first column, whatever its
/// header (番号, 視点, 取組名), keys each row to a measure named earlier, and a line
/// with text in the first column alone continues the key (a name wrapped in its cell).
///
/// The header words are the vocabulary of tables in Japanese administrative
/// documents, not the words of one document; a table without such a header is left
/// to the line-by-line reading.
enum TableReader {
    enum Role: Equatable, Sendable { case key, name, content, section, plans, other }

    struct Column: Equatable, Sendable {
        var start: Int
        var role: Role
    }

    /// One row: its cells by role, and the lines it was read from.
    struct Row: Equatable, Sendable {
        var lines: [Int] = []
        var key = ""
        var name = ""
        var content = ""
        var section = ""
        var plans = ""
    }

    struct Table: Equatable, Sendable {
        /// The header line and every line of the rows, contiguous.
        var lines: ClosedRange<Int>
        var header: Int
        var columns: [Column]
        var rows: [Row]
        /// Rows keyed by measures, citing their plans (see the type's comment).
        var isPlanTable: Bool { columns.contains { $0.role == .plans } }
    }

    /// The tables among `lines`, in order.
    static func tables(in lines: [SourceLine]) -> [Table] {
        var result: [Table] = []
        var i = 0
        while i < lines.count {
            guard let columns = headerColumns(lines[i]) else { i += 1; continue }
            let table = readRows(lines, header: i, columns: columns)
            if !table.rows.isEmpty {
                result.append(table)
                i = table.lines.upperBound + 1
            } else {
                i += 1
            }
        }
        return result
    }

    /// The columns of a header line, or nil when the line is not a table header.
    static func headerColumns(_ line: SourceLine) -> [Column]? {
        guard line.compact.count <= 40, !line.compact.contains("。"), RawSegments.hasInnerGap(line.raw) else { return nil }
        let segments = RawSegments.segments(of: line.raw, minimumGap: 2)
        guard segments.count >= 2 else { return nil }
        var columns: [Column] = []
        for segment in segments {
            let key = TextNormalizer.key(segment.text)
            guard key.unicodeScalars.count <= 8 else { return nil }
            columns.append(Column(start: segment.column, role: role(of: key)))
        }
        let roles = Set(columns.map(\.role))
        if roles.contains(.plans) {
            if roles.contains(.content) || roles.contains(.section) {
                // A table of initiatives with a column of their plans: text of the row.
                for k in columns.indices where columns[k].role == .plans { columns[k].role = .content }
            } else {
                // A table of plans: the first column keys the rows, whatever it is called.
                guard columns[0].role != .plans else { return nil }
                columns[0].role = .key
                return columns
            }
        }
        guard roles.contains(.name), roles.contains(.content) || roles.contains(.section) || roles.contains(.key) else { return nil }
        return columns
    }

    private static func role(of key: String) -> Role {
        if keyWords.contains(key) { return .key }
        if nameWords.contains(key) { return .name }
        if contentWords.contains(key) { return .content }
        if sectionWords.contains(key) { return .section }
        if planWords.contains(key) { return .plans }
        return .other
    }

    private static let keyWords: Set<String> = ["番号", "No", "No.", "NO", "NO.", "項番", "#", "№"]
    private static let nameWords: Set<String> = ["取組名", "事業名", "取組", "事業", "主な取組", "項目", "施策名", "名称", "取組項目", "事業・取組"]
    private static let contentWords: Set<String> = ["主な内容", "内容", "概要", "取組内容", "事業内容", "事業概要", "主な取組内容", "取組の内容"]
    private static let planWords: Set<String> = ["関連計画", "関連する計画", "関係計画", "中期計画", "関連計画等", "計画", "関連する中期計画", "中期計画の政策", "根拠計画"]
    private static let sectionWords: Set<String> = ["担当", "担当課", "所管", "所管課", "担当部署", "担当課名", "担当課・係"]

    /// How far (in display columns) a cell may start left of its column's header.
    private static let tolerance = 2

    private static func readRows(_ lines: [SourceLine], header: Int, columns: [Column]) -> Table {
        let plansTable = columns.contains { $0.role == .plans }
        let startsRow: Role = columns.contains(where: { $0.role == .key }) ? .key : .name
        var rows: [Row] = []
        var last = header
        var i = header + 1
        while i < lines.count, !lines[i].isBlank {
            let segments = RawSegments.segments(of: lines[i].raw, minimumGap: 2)
            guard let first = segments.first, first.column >= columns[0].start - 1 else { break }
            var cells: [(Role, String)] = []
            if segments.count == columns.count {
                // A full row: its cells are the columns in order, however the dump aligned them.
                cells = zip(columns, segments).map { ($0.role, $1.text) }
            } else {
                for segment in segments {
                    let index = columns.lastIndex { $0.start <= segment.column + tolerance } ?? 0
                    cells.append((columns[index].role, segment.text))
                }
            }
            // In a table of plans, a key cell alone is the rest of a wrapped key.
            let wrappedKey = plansTable && !rows.isEmpty && cells.allSatisfy { $0.0 == .key }
            if !wrappedKey, let key = cells.first(where: { $0.0 == startsRow }) {
                // A row has its key and at least one more cell; a lone short key is
                // no row but the text after the table (`(2) 支え合い…`).
                guard cells.count >= 2, plansTable || startsRow == .name || TextNormalizer.key(key.1).unicodeScalars.count <= 8 else { break }
                rows.append(Row())
            } else if rows.isEmpty {
                break  // text under the header that starts no row: not a table after all
            }
            rows[rows.count - 1].lines.append(i)
            for (role, text) in cells { append(text, role: role, to: &rows[rows.count - 1]) }
            last = i
            i += 1
        }
        return Table(lines: header...last, header: header, columns: columns, rows: rows)
    }

    /// Adds a cell's text to the row. Pieces join without a space (Japanese uses
    /// none, and a dump's wrap inside a cell is no word break) unless both sides are
    /// Latin letters; 担当 cells are lists of units and join with 、.
    private static func append(_ text: String, role: Role, to row: inout Row) {
        func join(_ a: String, _ b: String) -> String {
            guard let x = a.unicodeScalars.last, let y = b.unicodeScalars.first else { return a + b }
            let latin = ScalarClass.isASCIILetter(x) && ScalarClass.isASCIILetter(y)
            return a + (latin ? " " : "") + b
        }
        switch role {
        case .key: row.key = join(row.key, text)
        case .name: row.name = join(row.name, text)
        case .content, .other: row.content = join(row.content, text)
        case .section: row.section = row.section.isEmpty ? text : row.section + "、" + text
        case .plans: row.plans = join(row.plans, text)
        }
    }
}
