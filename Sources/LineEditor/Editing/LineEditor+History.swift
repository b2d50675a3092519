/// Up and Down through the history, as readline does: the first Up keeps the
/// line being written as a draft, Down past the newest entry brings it back.
/// A recalled entry can be edited and submitted; the edit is not kept if the
/// user moves on to another entry.
extension LineEditor {
    mutating func showOlderEntry() -> EditAction {
        let position: Int
        switch historyPosition {
        case nil:
            guard !history.isEmpty else { return .bell }
            draft = buffer
            position = history.count - 1
        case let current?:
            guard current > 0 else { return .bell }
            position = current - 1
        }
        show(entry: position)
        return .continue
    }

    mutating func showNewerEntry() -> EditAction {
        guard let current = historyPosition else { return .bell }
        if current + 1 < history.count {
            show(entry: current + 1)
        } else {
            historyPosition = nil
            buffer = draft
            cursorUTF8Offset = buffer.utf8.count
        }
        return .continue
    }

    private mutating func show(entry position: Int) {
        historyPosition = position
        buffer = history[position]
        cursorUTF8Offset = buffer.utf8.count
    }
}
