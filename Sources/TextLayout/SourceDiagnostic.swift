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
public struct SourceDiagnostic: Sendable, Equatable {
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
    /// The text of the line, if known.
    public let lineText: String?
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
        self.lineText = lineText
        self.length = max(1, length)
        self.notes = notes
    }

    /// The diagnostic as lines of text, without a trailing newline.
    public func rendered() -> String {
        let place = column > 0 ? "\(file):\(line):\(column)" : "\(file):\(line)"
        var out = "\(place): \(severity.rawValue): \(message)"
        if let lineText {
            let number = String(line)
            let gutter = String(repeating: " ", count: number.count)
            let shown = lineText.replacingTabs()
            out += "\n \(number) | \(shown)"
            if column > 0 {
                let prefix = String(lineText.prefix(column - 1)).replacingTabs()
                let marked = String(lineText.dropFirst(column - 1).prefix(length)).replacingTabs()
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
