/// The lines of a document in reading order, with what the page layout already says
/// about some of them.
///
/// A text dump keeps the page's geometry, not its reading order: tables come out as
/// rows of cells with text wrapped inside the cells, and two columns come out
/// interleaved line by line. This phase repairs both before lines are classified:
/// - a table drawn with rules loses them (``RuledTables``), one line a row;
/// - each table of initiatives (``TableReader``) becomes, per row, a heading line
///   (the name cell), a text line (the other cells, wrapped text joined), a line of
///   the plans it cites where it has a column of them, and, when the row has a 担当
///   cell, a note of the units in charge;
/// - each two-column block (``ColumnSplitter``) becomes its left column, then its right.
/// Every line keeps its number in the file.
struct ReadingOrder: Sendable {
    var lines: [SourceLine]
    /// Kinds decided here (table rows and headers), by index into `lines`.
    var forcedKinds: [Int: LineKind]
    /// Table rows that could not be read as initiatives (no name cell): 1-based lines.
    var unreadRows: [Int]
    /// The keys of those rows (`1-1`): labels the document gives to something that is
    /// no measure, which a table of plans may not resolve by position.
    var unreadRowKeys: Set<String> = []
}

enum LayoutReader {
    static func read(_ dumped: [SourceLine]) -> ReadingOrder {
        let source = RuledTables.unruled(dumped)
        let tables = TableReader.tables(in: source)
        var tableLines = Set<Int>()
        var tableAtHeader: [Int: TableReader.Table] = [:]
        for table in tables {
            tableLines.formUnion(table.lines)
            tableAtHeader[source[table.header].number] = table
        }
        let columns = tables.isEmpty && !source.contains(where: mayHoldColumns) ? source : ColumnSplitter.split(source, excluded: tableLines)
        guard !tables.isEmpty else { return ReadingOrder(lines: columns, forcedKinds: [:], unreadRows: []) }

        var order = ReadingOrder(lines: [], forcedKinds: [:], unreadRows: [])
        order.lines.reserveCapacity(columns.count + tables.count * 8)
        var skipThrough = -1  // the last file line of the table being replaced
        for line in columns {
            if line.number <= skipThrough { continue }
            guard let table = tableAtHeader[line.number], line.raw == source[table.header].raw else {
                order.lines.append(line)
                continue
            }
            skipThrough = source[table.lines.upperBound].number
            order.forcedKinds[order.lines.count] = table.isPlanTable ? .planTable : .tableHeader
            order.lines.append(line)
            for row in table.rows {
                if table.isPlanTable { addPlanRow(row, of: source, to: &order) } else { add(row, of: source, to: &order) }
            }
        }
        return order
    }

    /// Whether a raw line has white space wide enough to separate columns: a cheap
    /// test that spares documents without any the column scan.
    private static func mayHoldColumns(_ line: SourceLine) -> Bool {
        var run = 0
        for s in line.raw.unicodeScalars {
            if s == " " { run += 1 } else if s.value == 0x3000 { run += 2 } else { run = 0 }
            if run >= 4 { return true }
        }
        return false
    }

    /// A row of a table of plans, as one line: its key, a wide gap, its plans.
    private static func addPlanRow(_ row: TableReader.Row, of source: [SourceLine], to order: inout ReadingOrder) {
        order.forcedKinds[order.lines.count] = .planRow
        order.lines.append(SourceLine(number: source[row.lines[0]].number, raw: row.key + "\u{3000}\u{3000}" + row.plans))
    }

    private static func add(_ row: TableReader.Row, of source: [SourceLine], to order: inout ReadingOrder) {
        let number = source[row.lines[0]].number
        let name = SourceLine(number: number, raw: row.name)
        let title = TitleCleaner.clean(name.display)
        guard title.unicodeScalars.contains(where: ScalarClass.isLetter) else {
            order.unreadRows.append(number)
            if !row.key.isEmpty { order.unreadRowKeys.insert(TextNormalizer.key(row.key)) }
            order.forcedKinds[order.lines.count] = .tableCell  // kept as text, never read as a heading
            order.lines.append(SourceLine(number: number, raw: row.key + " " + row.content))
            return
        }
        order.forcedKinds[order.lines.count] = .heading(Heading(marker: .tableRow(row.key), title: title))
        order.lines.append(name)
        if !row.content.isEmpty {
            order.forcedKinds[order.lines.count] = .tableCell
            order.lines.append(SourceLine(number: number, raw: row.content))
        }
        if !row.plans.isEmpty {
            order.forcedKinds[order.lines.count] = .tableCell
            order.lines.append(SourceLine(number: number, raw: row.plans))
        }
        if !row.section.isEmpty {
            let note = SourceLine(number: number, raw: row.section)
            let units = SectionNoteParser.units(inCell: note.nfkc)
            order.forcedKinds[order.lines.count] = units.isEmpty ? .tableCell : .sectionNote(units)
            order.lines.append(note)
        }
    }
}
