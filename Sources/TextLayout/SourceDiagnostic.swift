/// A message about a place in a text — a query, a fact file, a document — printed
/// the way compilers do: `file:line:column: error: message`, then the line with a
/// caret under the culprit.
///
///     facts.tsv:3:1: error: unknown node kind 'wrd' in 'wrd:泉区'; did you mean 'ward'?
///         3 | wrd:泉区    label    泉区
///           | ^
///
/// The caret's position counts display columns, so it stands under the right
/// character after wide (East Asian) characters. Tabs are shown as four spaces.
/// A long line is clipped to a window around the caret, with `…` where text was
/// left out, so that a megabyte on one line never makes a megabyte of message.
public struct SourceDiagnostic: Error, Sendable, Equatable {
    public enum Severity: String, Sendable {
        case error, warning, note
    }

    public let severity: Severity
    public let message: String
    /// File name or a stand-in such as `<stdin>` or `<query>`.
    public let file: String
    /// 1-based line and column (in characters); column 0 means "the whole line".
    public let line: Int
    public let column: Int
    /// The text of the line, if known: all of it, or, when it is longer than
    /// `maxLineLength`, the window of it around the caret.
    public let lineText: String?
    /// The column of the whole line at which `lineText` starts (1 unless clipped).
    public let lineTextStartColumn: Int
    /// Whether the line goes on after `lineText`.
    public let lineTextIsCut: Bool
    /// How many characters the caret should underline (at least 1).
    public let length: Int
    /// Further remarks printed under the caret, e.g. "did you mean …".
    public let notes: [String]

    public init(
        _ severity: Severity = .error, _ message: String, file: String, line: Int, column: Int,
        lineText: String? = nil, length: Int = 1, notes: [String] = []
    ) {
        self.severity = severity
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.length = max(1, length)
        self.notes = notes
        if let lineText, lineText.utf8.count > Self.maxLineLength {
            let clipped = Self.window(of: lineText, column: column)
            self.lineText = clipped.text
            lineTextStartColumn = clipped.startColumn
            lineTextIsCut = clipped.isCut
        } else {
            self.lineText = lineText
            lineTextStartColumn = 1
            lineTextIsCut = false
        }
    }

    /// Lines longer than this (in characters) are shown as a window around the caret.
    public static let maxLineLength = 160

    /// About `maxLineLength` characters of `line` around `column`: 60 before it, the
    /// rest after; where it starts, and whether the line goes on after it.
    static func window(of line: String, column: Int) -> (text: String, startColumn: Int, isCut: Bool) {
        let characters = Array(line)
        let caret = min(max(0, column - 1), characters.count)
        var start = max(0, caret - 60)
        let end = min(characters.count, start + maxLineLength - 20)
        start = max(0, min(start, end - (maxLineLength - 20)))
        return (String(characters[start..<end]), start + 1, end < characters.count)
    }

    /// The diagnostic as lines of text, without a trailing newline.
    public func rendered() -> String {
        let place = column > 0 ? "\(file):\(line):\(column)" : "\(file):\(line)"
        var out = "\(place): \(severity.rawValue): \(message)"
        if let lineText {
            let number = String(line)
            let gutter = String(repeating: " ", count: number.count)
            // A clipped line is marked with … where text was left out.
            let clippedBefore = lineTextStartColumn > 1 ? "…" : ""
            let shown = clippedBefore + lineText.replacingTabs() + (lineTextIsCut ? "…" : "")
            out += "\n \(number) | \(shown)"
            if column > 0 {
                // Columns of the whole line, counted from where the shown text starts.
                let skip = max(0, column - lineTextStartColumn)
                let prefix = clippedBefore + String(lineText.prefix(skip)).replacingTabs()
                let marked = String(lineText.dropFirst(skip).prefix(length)).replacingTabs()
                let pad = String(repeating: " ", count: DisplayWidth.of(prefix))
                let carets = String(repeating: "^", count: max(1, DisplayWidth.of(marked)))
                out += "\n \(gutter) | \(pad)\(carets)"
            }
        }
        for note in notes { out += "\n  note: \(note)" }
        return out
    }
}

extension String {
    fileprivate func replacingTabs() -> String {
        contains("\t") ? split(separator: "\t", omittingEmptySubsequences: false).joined(separator: "    ") : self
    }
}
