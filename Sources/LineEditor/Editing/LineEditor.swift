import TextLayout

/// The line being edited, as a pure state machine: keys in, buffer, cursor and
/// an action out.
///
///     var editor = LineEditor(history: ["?- ward(泉区)."])
///     editor.handle(Key.typing("?- ward(栄区)"))
///     editor.handle(.home)
///     editor.cursorColumn          // 0
///     editor.handle(.enter)        // .submit("?- ward(栄区)")
///
/// It knows nothing of terminals (the style of swift-nio's state machines), so
/// every binding is tested without one; `LineReader` feeds it keys and draws it.
///
/// Every movement and deletion goes by grapheme cluster (a Swift `Character`):
/// Backspace after が typed as か + U+3099 removes both scalars, and the cursor
/// never stands inside a cluster. `cursorColumn` counts display columns, so the
/// terminal cursor lands right after wide characters.
///
/// Bindings (Emacs, as GNU readline's defaults):
/// - Left/Ctrl-B, Right/Ctrl-F, Home/Ctrl-A, End/Ctrl-E; Alt-B/Alt-F and
///   Ctrl/Alt-arrows move by word (letters, digits, "_", any script).
/// - Backspace/Ctrl-H, Delete, Ctrl-D (deletes, or ends input on an empty line).
/// - Ctrl-K kills to the end, Ctrl-U to the start, Ctrl-W the whitespace-delimited
///   word before the cursor, Alt-Backspace the letters-and-digits word before it;
///   Ctrl-Y yanks the last kill.
/// - Up/Ctrl-P and Down/Ctrl-N walk the history (see `LineEditor+History.swift`),
///   Ctrl-R searches it (`LineEditor+Search.swift`), Tab completes
///   (`LineEditor+Completion.swift`).
/// - Enter submits, Ctrl-C interrupts, Ctrl-L clears the screen, Ctrl-Z suspends.
public struct LineEditor {
    /// The text of the line.
    public internal(set) var buffer: String
    /// The cursor as a UTF-8 offset into `buffer`, always on a character boundary.
    /// An offset rather than a `String.Index` because edits invalidate indices.
    var cursorUTF8Offset: Int
    /// The Ctrl-R search in progress, if any.
    public internal(set) var search: ReverseSearch?

    let history: [String]
    /// Which history entry is shown, or nil for the line being written.
    var historyPosition: Int?
    /// The line being written, kept while the user looks through the history.
    var draft = ""
    /// The last text killed by Ctrl-K, Ctrl-U or Ctrl-W, for Ctrl-Y.
    var killed = ""
    var previousKeyWasTab = false
    let completer: (any Completer)?

    /// An editor for a new line.
    ///
    /// - Parameters:
    ///   - history: earlier lines, oldest first, for Up/Down and Ctrl-R.
    ///   - completer: what Tab asks; without one, Tab rings the bell.
    ///   - text: initial content, with the cursor at its end.
    public init(history: [String] = [], completer: (any Completer)? = nil, text: String = "") {
        self.history = history
        self.completer = completer
        buffer = text
        cursorUTF8Offset = text.utf8.count
    }

    /// The cursor: the index in `buffer` of the character it stands before.
    public var cursor: String.Index {
        buffer.utf8.index(buffer.startIndex, offsetBy: cursorUTF8Offset)
    }

    /// How many characters (grapheme clusters) precede the cursor.
    public var cursorCharacterOffset: Int {
        buffer[..<cursor].count
    }

    /// The display column of the cursor within the line (0 = before the first
    /// character), counting wide characters as two.
    public var cursorColumn: Int {
        buffer.displayColumn(of: cursor)
    }

    /// Handles one key; returns what the reader must do next.
    public mutating func handle(_ key: Key) -> EditAction {
        let wasTab = previousKeyWasTab
        previousKeyWasTab = key == .tab
        if search != nil {
            if let action = handleDuringSearch(key) { return action }
        }
        switch key {
        case .character(let scalar):
            insert(String(scalar))
        case .paste(let text):
            insert(text)
        case .enter:
            return .submit(buffer)
        case .tab:
            return complete(listing: wasTab)
        case .backspace, .control("h"):
            deleteBackward()
        case .delete:
            deleteForward()
        case .control("d"):
            if buffer.isEmpty { return .endOfInput }
            deleteForward()
        case .left, .control("b"):
            moveLeft()
        case .right, .control("f"):
            moveRight()
        case .home, .control("a"):
            cursorUTF8Offset = 0
        case .end, .control("e"):
            cursorUTF8Offset = buffer.utf8.count
        case .wordLeft, .meta("b"), .meta("B"):
            setCursor(wordStart())
        case .wordRight, .meta("f"), .meta("F"):
            setCursor(wordEnd())
        case .control("k"):
            kill(cursor..<buffer.endIndex)
        case .control("u"):
            kill(buffer.startIndex..<cursor)
        case .control("w"):
            kill(whitespaceWordStart()..<cursor)
        case .meta("\u{7F}"):
            kill(wordStart()..<cursor)
        case .control("y"):
            insert(killed)
        case .up, .control("p"):
            return showOlderEntry()
        case .down, .control("n"):
            return showNewerEntry()
        case .control("r"):
            startSearch()
        case .control("c"):
            return .interrupt
        case .control("l"):
            return .clearScreen
        case .control("z"):
            return .suspend
        default:
            break
        }
        return .continue
    }

    /// Handles keys in order and returns the last action: a shorthand for tests
    /// and scripted input.
    @discardableResult
    public mutating func handle(_ keys: [Key]) -> EditAction {
        var action = EditAction.continue
        for key in keys {
            action = handle(key)
        }
        return action
    }

    // MARK: Editing primitives

    /// Replaces `range` with `text` and puts the cursor after the inserted text
    /// (at the next character boundary, if the text joined what follows).
    mutating func replace(_ range: Range<String.Index>, with text: String) {
        let start = buffer.utf8.distance(from: buffer.startIndex, to: range.lowerBound)
        buffer.replaceSubrange(range, with: text)
        setCursor(utf8Offset: start + text.utf8.count)
    }

    /// Moves the cursor to the first character boundary at or after `utf8Offset`.
    mutating func setCursor(utf8Offset: Int) {
        let target = buffer.utf8.index(buffer.startIndex, offsetBy: min(max(utf8Offset, 0), buffer.utf8.count))
        var index = buffer.startIndex
        while index < target {
            index = buffer.index(after: index)
        }
        cursorUTF8Offset = buffer.utf8.distance(from: buffer.startIndex, to: index)
    }

    mutating func setCursor(_ index: String.Index) {
        setCursor(utf8Offset: buffer.utf8.distance(from: buffer.startIndex, to: index))
    }

    private mutating func insert(_ text: String) {
        replace(cursor..<cursor, with: text)
    }

    private mutating func deleteBackward() {
        guard cursor > buffer.startIndex else { return }
        replace(buffer.index(before: cursor)..<cursor, with: "")
    }

    private mutating func deleteForward() {
        guard cursor < buffer.endIndex else { return }
        let start = cursorUTF8Offset
        buffer.removeSubrange(cursor..<buffer.index(after: cursor))
        setCursor(utf8Offset: start)
    }

    private mutating func moveLeft() {
        guard cursor > buffer.startIndex else { return }
        setCursor(buffer.index(before: cursor))
    }

    private mutating func moveRight() {
        guard cursor < buffer.endIndex else { return }
        setCursor(buffer.index(after: cursor))
    }

    private mutating func kill(_ range: Range<String.Index>) {
        guard !range.isEmpty else { return }
        killed = String(buffer[range])
        replace(range, with: "")
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }

    /// Start of the word before the cursor as readline's `unix-word-rubout` sees
    /// it: spaces, then everything up to the previous space. `?- ward(泉区)` loses
    /// `ward(泉区)` as a whole, which is what one wants to retype.
    private func whitespaceWordStart() -> String.Index {
        var index = cursor
        while index > buffer.startIndex, buffer[buffer.index(before: index)].isWhitespace {
            index = buffer.index(before: index)
        }
        while index > buffer.startIndex, !buffer[buffer.index(before: index)].isWhitespace {
            index = buffer.index(before: index)
        }
        return index
    }

    /// Start of the word before the cursor, skipping what is not a word first.
    private func wordStart() -> String.Index {
        var index = cursor
        while index > buffer.startIndex, !Self.isWordCharacter(buffer[buffer.index(before: index)]) {
            index = buffer.index(before: index)
        }
        while index > buffer.startIndex, Self.isWordCharacter(buffer[buffer.index(before: index)]) {
            index = buffer.index(before: index)
        }
        return index
    }

    /// End of the word after the cursor, skipping what is not a word first.
    private func wordEnd() -> String.Index {
        var index = cursor
        while index < buffer.endIndex, !Self.isWordCharacter(buffer[index]) {
            index = buffer.index(after: index)
        }
        while index < buffer.endIndex, Self.isWordCharacter(buffer[index]) {
            index = buffer.index(after: index)
        }
        return index
    }
}
