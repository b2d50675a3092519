/// The lines entered so far, oldest first, for Up/Down and Ctrl-R.
///
///     var history = History(filePath: home + "/.wardgraph_history")  // loads it
///     history.add("?- ward(泉区).")
///     try history.save()
///
/// A value: `LineEditor` takes a snapshot of `entries` for each line it edits,
/// and `LineReader` adds the submitted line and saves. Blank lines and a line
/// equal to the one before are not added (as bash's `ignoredups`), and the
/// oldest entries go once there are more than `maximumCount`.
///
/// The file format and the rules for damaged files are in `History+File.swift`.
public struct History: Sendable, Equatable {
    /// The entries, oldest first.
    public private(set) var entries: [String]
    /// How many entries are kept; older ones are dropped first.
    public let maximumCount: Int
    /// Where `save()` writes and from where the entries were loaded, if anywhere.
    public let filePath: String?
    /// Why the file could not be read, or not completely (for a warning to the
    /// user); nil when it was read, or did not exist yet.
    public internal(set) var loadProblem: String?

    /// An empty history kept in memory only.
    public init(maximumCount: Int = 1000) {
        self.init(entries: [], maximumCount: maximumCount, filePath: nil)
    }

    /// A history with these entries (oldest first), subject to the same rules as `add`.
    public init(entries: [String], maximumCount: Int = 1000, filePath: String? = nil) {
        self.entries = []
        self.maximumCount = max(maximumCount, 0)
        self.filePath = filePath
        for entry in entries {
            add(entry)
        }
    }

    /// Adds a line as the newest entry; returns whether it was added (false for a
    /// blank line or a repeat of the newest entry).
    @discardableResult
    public mutating func add(_ line: String) -> Bool {
        guard line.contains(where: { !$0.isWhitespace }), line != entries.last, maximumCount > 0 else {
            return false
        }
        entries.append(line)
        if entries.count > maximumCount {
            entries.removeFirst(entries.count - maximumCount)
        }
        return true
    }
}
