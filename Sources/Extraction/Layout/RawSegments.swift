import TextLayout

/// A run of text on a raw line and the display column where it starts.
struct RawSegment: Equatable, Sendable {
    /// 0-based display column (East Asian wide characters and the ideographic space
    /// take two columns, as the dump laid them out).
    var column: Int
    var text: String
    /// Display width of the text.
    var width: Int

    var end: Int { column + width }
}

/// The runs of text on a raw line, split wherever white space at least `minimumGap`
/// columns wide stands between them: how cells of a table and columns of a page
/// show in a text dump (`総務課　　　　６階 61番`, `1-1     地域防災力の向上    …`).
///
///     segments(of: "  1-1     地域防災力の向上  総務課", minimumGap: 2)
///     → [(2, "1-1"), (10, "地域防災力の向上"), (28, "総務課")]
///
/// A single narrow space inside a run stays in it (`６階 61番` is one cell).
/// One pass over the scalars; widths from ``DisplayWidth``.
enum RawSegments {
    static func segments(of raw: String, minimumGap: Int) -> [RawSegment] {
        var result: [RawSegment] = []
        var column = 0
        var current: [Unicode.Scalar] = []
        var currentStart = 0
        var currentWidth = 0
        var pendingSpaces: [Unicode.Scalar] = []
        var pendingWidth = 0
        func flush() {
            if !current.isEmpty { result.append(RawSegment(column: currentStart, text: current.string, width: currentWidth)) }
            current.removeAll()
            currentWidth = 0
        }
        for s in raw.unicodeScalars {
            if s.value == 0x0C { continue }  // a form feed marks a page, not a column
            if ScalarClass.isWhitespace(s) {
                let width = s.value == 0x3000 ? 2 : 1
                pendingSpaces.append(s)
                pendingWidth += width
                column += width
                continue
            }
            if !pendingSpaces.isEmpty {
                if pendingWidth >= minimumGap || current.isEmpty {
                    flush()
                } else {
                    current.append(contentsOf: pendingSpaces)
                    currentWidth += pendingWidth
                }
                pendingSpaces.removeAll()
                pendingWidth = 0
            }
            if current.isEmpty { currentStart = column }
            let width = Self.width(of: s)
            current.append(s)
            currentWidth += width
            column += width
        }
        flush()
        return result
    }

    /// Display width, with a quick answer for the scripts documents are written in
    /// (``DisplayWidth`` searches its tables for every other scalar).
    @inline(__always)
    static func width(of s: Unicode.Scalar) -> Int {
        let v = s.value
        if v < 0x7F { return 1 }
        if (0x3040...0x30FF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xFF01...0xFF60).contains(v) { return 2 }
        return DisplayWidth.of(s)
    }

    /// Whether white space at least `width` columns wide stands inside `raw` (after its
    /// first letter): the test that spares a line of running text the segmenting.
    static func hasInnerGap(_ raw: String, width: Int = 2) -> Bool {
        var seenText = false
        var run = 0
        for s in raw.unicodeScalars {
            if s == " " { run += 1 } else if s.value == 0x3000 { run += 2 } else {
                if seenText && run >= width { return true }
                seenText = seenText || !ScalarClass.isWhitespace(s)
                run = 0
            }
        }
        return false
    }

    /// The display column just after the last letter of `raw`.
    static func textEnd(of raw: String) -> Int {
        var column = 0
        var end = 0
        for s in raw.unicodeScalars where s.value != 0x0C {
            if ScalarClass.isWhitespace(s) {
                column += s.value == 0x3000 ? 2 : 1
            } else {
                column += width(of: s)
                end = column
            }
        }
        return end
    }

    /// The display width of the white space that opens `raw`.
    static func indent(of raw: String) -> Int {
        var width = 0
        for s in raw.unicodeScalars where s.value != 0x0C {
            guard ScalarClass.isWhitespace(s) else { break }
            width += s.value == 0x3000 ? 2 : 1
        }
        return width
    }
}
