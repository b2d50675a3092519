/// A plain-text table whose columns line up in a terminal, Japanese included
/// (the rule is ASCII because box-drawing characters are "ambiguous" width and
/// Japanese terminals often draw them two columns wide):
/// widths are counted in display columns, not characters.
///
///     kind     nodes
///     -------  -----
///     ward         5
///     measure     94
public struct TextTable: Sendable {
    /// How each column's cells sit in it (the last column, when left-aligned, is not padded).
    public typealias Alignment = TextAlignment

    public var headers: [String]
    public var alignments: [Alignment]
    public var rows: [[String]] = []
    /// Draw a rule under the header.
    public var rule = true
    /// Text between columns.
    public var separator = "  "

    public init(headers: [String], alignments: [Alignment]? = nil) {
        self.headers = headers
        self.alignments = alignments ?? Array(repeating: .left, count: headers.count)
    }

    public mutating func add(_ row: [String]) {
        rows.append(row)
    }

    /// The table as lines, without a trailing newline. Line breaks and tabs inside
    /// cells are shown as `\n` and `\t`, so that each row stays on one line and
    /// columns stay aligned (arrows such as ↵ are "ambiguous" width, drawn two
    /// columns wide by Japanese terminals).
    public func rendered() -> String {
        let cells = rows.map { $0.map(Self.oneLine) }
        var widths = headers.map { DisplayWidth.of($0) }
        for row in cells {
            for (i, cell) in row.enumerated() where i < widths.count {
                widths[i] = max(widths[i], DisplayWidth.of(cell))
            }
        }
        var lines: [String] = []
        func format(_ row: [String]) -> String {
            var parts: [String] = []
            for i in 0..<widths.count {
                let cell = i < row.count ? row[i] : ""
                let last = i == widths.count - 1
                parts.append(last && alignments[i] == .left ? cell : cell.padded(toWidth: widths[i], alignment: alignments[i]))
            }
            return parts.joined(separator: separator)
        }
        if !headers.allSatisfy(\.isEmpty) {
            lines.append(format(headers))
            if rule { lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: separator)) }
        }
        lines.append(contentsOf: cells.map(format))
        return lines.joined(separator: "\n")
    }

    public static func oneLine(_ text: String) -> String {
        guard text.contains(where: { $0.isNewline || $0 == "\t" }) else { return text }
        var out = ""
        for c in text {
            if c == "\t" { out += "\\t" } else if c.isNewline { out += "\\n" } else { out.append(c) }
        }
        return out
    }
}

extension Int {
    /// The number with thousands separators: 1234567 → "1,234,567".
    public var grouped: String {
        let digits = String(magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return self < 0 ? "-" + out : out
    }
}

/// "1 retraction", "3 retractions": a count with its noun (English plural in -s).
public func counted(_ n: Int, _ noun: String) -> String {
    "\(n.grouped) \(noun)\(n == 1 ? "" : "s")"
}
