import TextLayout

/// Separates the two columns of a page that a text dump printed line by line side
/// by side:
///
///     ◇ 地域福祉保健計画「…」の      ◇ 妊娠期からの切れ目ない支援
///     推進と第５期計画の策定          ＜中期計画：テーマ01・戦略１・政策１＞
///     ・第４期計画の最終年度として、  ・産前産後の家庭訪問と両親教室を充実させ、
///
/// becomes the left column read from top to bottom, then the right one. Every line
/// keeps its number in the file, so provenance still points at the page.
///
/// A block is recognised by its geometry alone: at least three lines where text
/// stands on both sides of a wide gap (four columns or more) with the right-hand
/// text starting at the same display column (within two), the right column at
/// least `minimumColumn` in; lines with text only on the right start there too, and
/// lines with text only on the left end before it. Where the other column is empty
/// on a row it gets a blank line, so that paragraphs stay apart in each column.
enum ColumnSplitter {
    /// Where the right column must start at the least: a page's left margin and a
    /// heading marker are narrower than this, a column of text is not.
    static let minimumColumn = 16
    private static let minimumGap = 4
    private static let tolerance = 2
    private static let minimumRowsWithBoth = 3

    private enum Placement {
        case blank
        case both(column: Int, right: [RawSegment])
        case rightOnly(column: Int, right: [RawSegment])
        case leftOnly(end: Int)
    }

    /// The lines with each two-column block read column by column; lines in
    /// `excluded` (tables already read) are never part of a block.
    static func split(_ lines: [SourceLine], excluded: Set<Int>) -> [SourceLine] {
        var placements = lines.enumerated().map { i, line in excluded.contains(i) ? nil : placement(of: line) }
        var result: [SourceLine] = []
        result.reserveCapacity(lines.count)
        var i = 0
        while i < lines.count {
            if let block = block(startingAt: i, lines, &placements) {
                result += reordered(lines, block.range, column: block.column, placements)
                i = block.range.upperBound
            } else {
                result.append(lines[i])
                i += 1
            }
        }
        return result
    }

    private static func placement(of line: SourceLine) -> Placement {
        if line.isBlank { return .blank }
        // A line of one run of text that starts left of any column: its end, measured
        // only here (most lines are such).
        let indent = RawSegments.indent(of: line.raw)
        if indent < minimumColumn, !RawSegments.hasInnerGap(line.raw) {
            return .leftOnly(end: RawSegments.textEnd(of: line.raw))
        }
        let segments = RawSegments.segments(of: line.raw, minimumGap: minimumGap)
        guard let first = segments.first else { return .blank }
        if first.column >= minimumColumn { return .rightOnly(column: first.column, right: segments) }
        if let k = segments.indices.dropFirst().first(where: { segments[$0].column >= minimumColumn }) {
            return .both(column: segments[k].column, right: Array(segments[k...]))
        }
        return .leftOnly(end: segments[segments.count - 1].end)
    }

    /// Whether the nearest lines with text above and below line `i` both stand in two
    /// columns: only there may a line without a gap be cut.
    private static func isBetweenRows(_ i: Int, _ placements: [Placement?]) -> Bool {
        func isRow(_ p: Placement?) -> Bool {
            if case .both? = p { return true }
            return false
        }
        func isBlank(_ p: Placement?) -> Bool {
            if case .blank? = p { return true }
            return false
        }
        var above = i - 1
        while above >= 0, isBlank(placements[above]) { above -= 1 }
        var below = i + 1
        while below < placements.count, isBlank(placements[below]) { below += 1 }
        return above >= 0 && below < placements.count && isRow(placements[above]) && isRow(placements[below])
    }

    /// The display column where the text before `right` ends on `line`.
    private static func leftEnd(_ line: SourceLine, before right: RawSegment) -> Int {
        RawSegments.segments(of: line.raw, minimumGap: minimumGap).last { $0.column < right.column }?.end ?? 0
    }

    /// Line `line` as two columns cut at display column `column` (within the
    /// tolerance), where white space two columns wide or more ends there; nil when
    /// there is no such gap.
    ///
    /// A dump that pads the left column to a fixed width leaves no gap at all where
    /// the left text fills it (`〔…政策３５〕◇区民活動の支援`): then, between rows of two
    /// columns (`exactCut`), the line is cut where a character starts exactly at the
    /// column.
    private static func placement(of line: SourceLine, splitAt column: Int, exactCut: Bool) -> Placement? {
        let segments = RawSegments.segments(of: line.raw, minimumGap: 2)
        if let k = segments.indices.dropFirst().first(where: { abs(segments[$0].column - column) <= tolerance }) {
            return .both(column: segments[k].column, right: Array(segments[k...]))
        }
        guard exactCut, let segment = segments.last(where: { $0.column < column }), segment.end > column else { return nil }
        var width = segment.column
        var cut = 0
        let scalars = Array(segment.text.unicodeScalars)
        while cut < scalars.count, width < column {
            width += ScalarClass.isWhitespace(scalars[cut]) ? (scalars[cut].value == 0x3000 ? 2 : 1) : RawSegments.width(of: scalars[cut])
            cut += 1
        }
        guard width == column, cut > 0, cut < scalars.count else { return nil }
        let rightText = Array(scalars[cut...]).string
        let following = segments.filter { $0.column > segment.column }
        return .both(column: column, right: [RawSegment(column: column, text: rightText, width: segment.end - column)] + following)
    }

    /// The block that starts with a two-sided line at `start`, if it has enough of
    /// them. A line whose left text runs up to the block's column with a narrower gap
    /// (`…防災力　都筑区商店街…`, a left column filled to its width) is split there.
    private static func block(startingAt start: Int, _ lines: [SourceLine], _ placements: inout [Placement?]) -> (range: Range<Int>, column: Int, rows: [Int])? {
        guard case .both(let column, _)? = placements[start] else { return nil }
        var rowsWithBoth = [start]
        var end = start + 1  // one past the last line with right-hand text
        var i = start + 1
        scan: while i < placements.count {
            switch placements[i] {
            case .blank?:
                break
            case .leftOnly(let leftEnd)?:
                guard leftEnd > column - tolerance else { break }
                let between = isBetweenRows(i, placements)
                guard let split = placement(of: lines[i], splitAt: column, exactCut: between) else { break scan }
                placements[i] = split
                rowsWithBoth.append(i)
                end = i + 1
            case .both(let c, let right)?:
                // Right text indented within its column (`　　を開きます。`) starts
                // after it, but the left text must end before it.
                guard abs(c - column) <= tolerance || (c > column && leftEnd(lines[i], before: right[0]) <= column) else { break scan }
                rowsWithBoth.append(i)
                end = i + 1
            case .rightOnly(let c, _)?:
                guard c >= column - tolerance else { break scan }
                end = i + 1
            case nil:
                break scan
            }
            i += 1
        }
        guard rowsWithBoth.count >= minimumRowsWithBoth else { return nil }
        return (start..<end, column, rowsWithBoth)
    }

    private static func reordered(_ lines: [SourceLine], _ range: Range<Int>, column: Int, _ placements: [Placement?]) -> [SourceLine] {
        var left: [SourceLine] = []
        var right: [SourceLine] = []
        for i in range {
            let line = lines[i]
            let blank = SourceLine(number: line.number, raw: "")
            switch placements[i] {
            case .both(_, let segments)?:
                let cut = scalarIndex(in: line.raw, atColumn: segments[0].column)
                left.append(SourceLine(number: line.number, raw: String(String.UnicodeScalarView(line.raw.unicodeScalars.prefix(cut)))))
                right.append(SourceLine(number: line.number, raw: rightText(segments, column: column)))
            case .rightOnly(_, let segments)?:
                left.append(blank)
                right.append(SourceLine(number: line.number, raw: rightText(segments, column: column)))
            default:
                left.append(line)
                right.append(blank)
            }
        }
        return left + right
    }

    /// The right column's text, indented as far as it stands right of the column.
    private static func rightText(_ segments: [RawSegment], column: Int) -> String {
        String(repeating: " ", count: Swift.max(0, segments[0].column - column)) + segments.map(\.text).joined(separator: "  ")
    }

    /// The index of the scalar that starts at display column `column`.
    private static func scalarIndex(in raw: String, atColumn column: Int) -> Int {
        var width = 0
        var index = 0
        for s in raw.unicodeScalars {
            if width >= column { break }
            if s.value != 0x0C { width += s.value == 0x3000 ? 2 : (ScalarClass.isWhitespace(s) ? 1 : RawSegments.width(of: s)) }
            index += 1
        }
        return index
    }
}
