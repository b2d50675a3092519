/// Supplies Tab completions for the line being edited.
///
/// The REPL implements this over its own knowledge (relation names, commands,
/// ward names); `WordListCompleter` covers the common case of a word list.
public protocol Completer {
    /// The candidates for the text around `cursor`, and which part of `line` they
    /// replace (usually the partial word before the cursor).
    ///
    /// `cursor` and the range are indices into `line`.
    func complete(line: String, cursor: String.Index) -> Completion
}

/// What Tab can put in place of part of the line.
///
/// With one candidate, the editor replaces `range` with it. With several, it
/// inserts their longest common prefix, and a second Tab in a row lists them.
public struct Completion: Sendable, Equatable {
    /// Full replacements for the text in `range`, e.g. "ward(" and "wardOffice(" for "wa".
    public var candidates: [String]
    /// The part of the line the candidates replace.
    public var range: Range<String.Index>

    public init(candidates: [String], range: Range<String.Index>) {
        self.candidates = candidates
        self.range = range
    }

    /// No completion, at `cursor`.
    public static func none(at cursor: String.Index) -> Completion {
        Completion(candidates: [], range: cursor..<cursor)
    }
}
