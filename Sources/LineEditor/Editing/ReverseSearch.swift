/// The state of a Ctrl-R reverse incremental history search.
///
/// While it lasts, `LineEditor.buffer` shows the matching entry with the cursor
/// at the match, and the reader shows `prompt` in place of its own.
public struct ReverseSearch: Sendable, Equatable {
    /// What the user typed after Ctrl-R.
    public internal(set) var query: String = ""
    /// Whether no entry (older than the current match) contains the query.
    public internal(set) var isFailing = false
    /// Index in the history of the entry shown, if any.
    var matchIndex: Int?
    /// The line and cursor to go back to on Ctrl-G or Esc.
    let savedBuffer: String
    let savedCursor: Int

    /// The prompt readline shows during a search, e.g. `(reverse-i-search)'泉': `.
    public var prompt: String {
        "(\(isFailing ? "failed " : "")reverse-i-search)'\(query)': "
    }
}
