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
/// A column of plans beside contents or units is read down on its own (a citation
/// stacked one level per line: `テーマ05` / `戦略8` / `政策35`) and given as the row's
/// last text.
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
    /// `plans` keys a table of plans; `rowPlans` is the column of plans that the rows
    /// of a table of initiatives cite, read down on its own.
    enum Role: Equatable, Sendable { case key, name, content, section, plans, rowPlans, other }

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
                // A table of initiatives with a column of their plans: read down on its
                // own, so that a citation stacked one level per line is whole again and
                // no level is glued into a name wrapped beside it.
                for k in columns.indices where columns[k].role == .plans { columns[k].role = .rowPlans }
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
        var previousCells: [(Role, String)] = []
        var last = header
        var i = header + 1
        while i < lines.count {
            if lines[i].isBlank {
                // A dump that spaces its lines apart puts blank lines between rows too: the
                // table goes on when the next line lies in its columns.
                guard let next = lines[(i + 1)...].prefix(2).firstIndex(where: { !$0.isBlank }), liesInColumns(lines[next], columns) else { break }
                i = next
            }
            // A page number set far right under the last row ends the page, and the table.
            if LineShapes.isPageNumber(lines[i].display) { break }
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
            // In a table of plans, a key cell alone is the rest of a wrapped key; in a
            // table without keys, a name cell may be the rest of a wrapped name.
            let wrappedKey = plansTable && !rows.isEmpty && cells.allSatisfy { $0.0 == .key }
            let wrappedName = startsRow == .name && !plansTable && !rows.isEmpty
                && continuesName(cells, of: rows[rows.count - 1], previous: previousCells, columns: columns)
            if !wrappedKey && !wrappedName, let key = cells.first(where: { $0.0 == startsRow }) {
                // A row has its key and at least one more cell; a lone short key is
                // no row but the text after the table (`(2) 支え合い…`).
                guard cells.count >= 2, plansTable || startsRow == .name || TextNormalizer.key(key.1).unicodeScalars.count <= 8 else { break }
                rows.append(Row())
            } else if rows.isEmpty {
                break  // text under the header that starts no row: not a table after all
            }
            rows[rows.count - 1].lines.append(i)
            for (role, text) in cells { append(text, role: role, to: &rows[rows.count - 1]) }
            previousCells = cells
            last = i
            i += 1
        }
        return Table(lines: header...last, header: header, columns: columns, rows: rows)
    }

    /// Whether every cell of `line` starts where a column does (within the tolerance),
    /// and more than one cell or one past the first column: a row of the table, or the
    /// rest of one, rather than text after it.
    private static func liesInColumns(_ line: SourceLine, _ columns: [Column]) -> Bool {
        let segments = RawSegments.segments(of: line.raw, minimumGap: 2)
        guard let first = segments.first, segments.count >= 2 || first.column > columns[0].start + tolerance else { return false }
        return segments.allSatisfy { segment in columns.contains { abs($0.start - segment.column) <= tolerance } }
    }

    /// Whether a line of a table without keys, whose name cell is not empty, goes on
    /// with the row above rather than starting one: without keys, a name wrapped in
    /// its cell looks like a new row.
    ///
    ///     みどりのわ・ささえ愛プラン   第４期計画と…の推進、第５期計画に   福祉保健課
    ///     の推進                       向けた区民意識調査の実施
    ///
    /// - the name's piece cannot start a name (`の推進`, `を進める`, `に向けた…`, `ー`, `」`)
    ///   or the name above cannot end one (`…の`, `…と`, `…、`, `…・`, an open bracket);
    /// - or the line has no cell beside the name, and the piece is short;
    /// - or the row above filled its 担当 cell and this line has none, while the
    ///   text beside the name goes on from the line above (`…販売会「みどり` /
    ///   `マルシェ」の開催`, `…の推進、第５期計画に` / `向けた…`).
    private static func continuesName(_ cells: [(Role, String)], of row: Row, previous: [(Role, String)], columns: [Column]) -> Bool {
        guard let piece = cells.first(where: { $0.0 == .name }).map({ TextNormalizer.compactScalars($0.1) }),
              let first = piece.first, let above = TextNormalizer.compactScalars(row.name).last else { return false }
        if nonInitial.contains(first) { return true }
        if piece.count > 1, softInitial.contains(first), ScalarClass.isKanji(piece[1]) || ScalarClass.isKatakana(piece[1]) { return true }
        if nonFinal.contains(above) || ScalarClass.particles.contains(above) { return true }
        if NameMorphology.hasUnclosedBracket(TextNormalizer.compactScalars(row.name)) { return true }
        if cells.count == 1 { return piece.count <= 8 }
        let sectionColumn = columns.contains { $0.role == .section }
        guard sectionColumn, !row.section.isEmpty, !cells.contains(where: { $0.0 == .section }),
              let text = previous.last(where: { $0.0 == .content || $0.0 == .other }).map({ TextNormalizer.compactScalars($0.1) })
        else { return false }
        return goesOn(text)
    }

    /// Whether a cell's piece of text stops where the next line must go on with it:
    /// in a particle, a comma, a middle dot or inside an open bracket.
    private static func goesOn(_ text: [Unicode.Scalar]) -> Bool {
        guard let last = text.last else { return false }
        return nonFinal.contains(last) || ScalarClass.particles.contains(last) || NameMorphology.hasUnclosedBracket(text)
    }

    /// Characters that never start a name: a particle that only follows a word, a
    /// long-vowel mark, small kana, closing brackets and punctuation.
    private static let nonInitial: Set<Unicode.Scalar> = ["の", "を", "ー", "ッ", "ャ", "ュ", "ョ", "っ", "ゃ", "ゅ", "ょ", "」", "』", "）", ")",
                                                          "】", "、", "。", "・"]
    /// Particles that start a name only before kana (にぎわい, とつか, はまっこ), and
    /// start the rest of a phrase before a kanji (`に向けた`, `と連携`).
    private static let softInitial: Set<Unicode.Scalar> = ["に", "と", "で", "へ", "が", "は", "や", "も"]
    /// Characters that never end a name: a comma, a middle dot, opening brackets.
    private static let nonFinal: Set<Unicode.Scalar> = ["、", ",", "・", "「", "『", "（", "(", "【", "＜", "<"]

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
        case .plans, .rowPlans: row.plans = join(row.plans, text)
        }
    }
}
