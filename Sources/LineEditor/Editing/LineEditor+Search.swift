/// Ctrl-R, reverse incremental search, as readline does it:
/// - typed text extends the query, and the newest entry containing it (at or
///   before the current match) is shown, the cursor on the match;
/// - Ctrl-R again goes to the next older match; Backspace shortens the query;
/// - Enter submits the match, Ctrl-G or Esc cancel and restore the line as it
///   was, Ctrl-C cancels and interrupts;
/// - any other key ends the search on the match and then acts as usual (so
///   Ctrl-E or an arrow accepts the match for editing).
extension LineEditor {
    mutating func startSearch() {
        search = ReverseSearch(savedBuffer: buffer, savedCursor: cursorUTF8Offset)
    }

    /// Handles `key` while searching; nil when the key ends the search and must
    /// then be handled as an ordinary key.
    mutating func handleDuringSearch(_ key: Key) -> EditAction? {
        guard var search else { return nil }
        switch key {
        case .character(let scalar):
            search.query.unicodeScalars.append(scalar)
            return find(search, from: search.matchIndex ?? history.count - 1)
        case .paste(let text):
            search.query += text
            return find(search, from: search.matchIndex ?? history.count - 1)
        case .control("r"):
            let from = (search.matchIndex ?? history.count) - 1
            return find(search, from: from)
        case .backspace:
            guard !search.query.isEmpty else { return .bell }
            search.query.removeLast()
            if search.query.isEmpty {
                search.matchIndex = nil
                search.isFailing = false
                self.search = search
                buffer = search.savedBuffer
                setCursor(utf8Offset: search.savedCursor)
                return .continue
            }
            search.matchIndex = nil
            return find(search, from: history.count - 1)
        case .control("g"), .escape:
            cancelSearch()
            return .continue
        case .control("c"):
            cancelSearch()
            return .interrupt
        case .enter:
            self.search = nil
            return .submit(buffer)
        default:
            self.search = nil
            return nil
        }
    }

    private mutating func cancelSearch() {
        guard let search else { return }
        buffer = search.savedBuffer
        setCursor(utf8Offset: search.savedCursor)
        self.search = nil
    }

    /// Shows the newest entry at or before `start` that contains the query; when
    /// there is none, keeps the current match and marks the search failing.
    private mutating func find(_ search: ReverseSearch, from start: Int) -> EditAction {
        var search = search
        var position = min(start, history.count - 1)
        while position >= 0 {
            if let match = history[position].firstRange(of: search.query) {
                search.matchIndex = position
                search.isFailing = false
                self.search = search
                buffer = history[position]
                setCursor(match.lowerBound)
                historyPosition = nil
                return .continue
            }
            position -= 1
        }
        search.isFailing = true
        self.search = search
        return .bell
    }
}
