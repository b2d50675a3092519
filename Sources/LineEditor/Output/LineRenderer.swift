import TextLayout

/// A place on the screen, relative to the first row of the prompt: row 0 is the
/// prompt's row, column 0 the terminal's left edge.
public struct ScreenPosition: Hashable, Sendable, CustomStringConvertible {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    public var description: String { "(\(row), \(column))" }
}

/// Where prompt and line fall on a terminal `width` columns wide.
public struct LineLayout: Equatable, Sendable {
    /// Where the terminal cursor must stand.
    public var cursor: ScreenPosition
    /// Where the cursor stands after writing everything: after the last
    /// character, or at the start of the next row when the text fills its last
    /// row exactly.
    public var end: ScreenPosition
    /// The text to write after the prompt: the buffer with control characters
    /// in caret notation (`^J`) and a space before each wide character that
    /// would not fit at the end of a row.
    public var text: String
    /// Whether the text fills its last row exactly, so the renderer must move to
    /// the next row itself (a terminal waits at the last column until the next
    /// character).
    public var endsAtRowBoundary: Bool

    /// How many rows prompt and line take.
    public var rowCount: Int { end.row + 1 }
}

/// Produces the bytes that redraw the prompt and the line being edited; pure,
/// so its output is tested byte for byte.
///
/// A redraw, as linenoise and readline do it for lines that wrap:
/// 1. `ESC [ n A` up to the prompt's row (the renderer remembers on which row of
///    the line it left the cursor) and `CR`;
/// 2. the prompt and the text, letting the terminal wrap long lines itself (so
///    that copying the line and resizing the window behave), with a space where
///    a wide character does not fit at the end of a row, since terminals move it
///    to the next row and leave that cell empty;
/// 3. `CR LF` if the text ends exactly at the end of a row;
/// 4. `ESC [ J`, erase to the end of the screen: what remains of a longer line;
/// 5. `ESC [ n A`, `CR`, `ESC [ n C` back to the cursor.
///
/// Columns are display columns (`DisplayWidth`), for the prompt too; escape
/// sequences in the prompt (colors) take none.
public struct LineRenderer: Sendable {
    /// The row (relative to the prompt's) where the last redraw left the cursor.
    public private(set) var cursorRow = 0

    public init() {}

    /// The bytes that redraw `prompt` and `buffer` with the cursor before `cursor`.
    public mutating func render(prompt: String, buffer: String, cursor: String.Index, width: Int) -> String {
        let layout = Self.layout(prompt: prompt, buffer: buffer, cursor: cursor, width: width)
        var output = ""
        if cursorRow > 0 { output += "\u{1B}[\(cursorRow)A" }
        output += "\r" + Self.visiblePrompt(prompt, width: width) + layout.text
        if layout.endsAtRowBoundary { output += "\r\n" }
        output += "\u{1B}[J"
        if layout.cursor != layout.end {
            let up = layout.end.row - layout.cursor.row
            if up > 0 { output += "\u{1B}[\(up)A" }
            output += "\r"
            if layout.cursor.column > 0 { output += "\u{1B}[\(layout.cursor.column)C" }
        }
        cursorRow = layout.cursor.row
        return output
    }

    /// The bytes that redraw the line with the cursor at its end, then go to the
    /// start of the next row: after Enter, Ctrl-C, or before listing completions.
    /// `suffix` (e.g. "^C") is written after the line.
    public mutating func renderFinal(prompt: String, buffer: String, width: Int, suffix: String = "") -> String {
        var output = render(prompt: prompt, buffer: buffer, cursor: buffer.endIndex, width: width)
        output += suffix + "\r\n"
        cursorRow = 0
        return output
    }

    /// Forgets the cursor row: the next redraw starts on the row the cursor is on
    /// (after the screen was cleared, or output was printed below the line).
    public mutating func startOnCurrentRow() {
        cursorRow = 0
    }

    /// Where the prompt and line fall on the screen, for the redraw and for tests.
    public static func layout(prompt: String, buffer: String, cursor: String.Index, width: Int) -> LineLayout {
        let width = max(width, 1)
        var row = 0
        var column = 0
        var text = ""
        var cursorPosition: ScreenPosition?

        /// Places one cell group; returns where it starts.
        func place(_ visible: String, width cells: Int, padding: Bool) -> ScreenPosition {
            if cells > 0, column + cells > width, column > 0 {
                if padding, column < width { text += String(repeating: " ", count: width - column) }
                row += 1
                column = 0
            }
            let start = ScreenPosition(row: row, column: column)
            column += cells
            return start
        }

        let promptCells = prompt.unicodeScalars.contains("\u{1B}")
            ? prompt.withoutTerminalEscapes.map { String($0) }
            : prompt.map(visible)
        for cell in promptCells {
            _ = place(cell, width: cell.displayWidth, padding: false)
        }
        var index = buffer.startIndex
        while index < buffer.endIndex {
            let visible = Self.visible(buffer[index])
            let start = place(visible, width: visible.displayWidth, padding: true)
            text += visible
            if index == cursor || (cursorPosition == nil && index > cursor) { cursorPosition = start }
            index = buffer.index(after: index)
        }
        let endsAtRowBoundary = column >= width
        let end = endsAtRowBoundary
            ? ScreenPosition(row: row + 1, column: 0)
            : ScreenPosition(row: row, column: column)
        return LineLayout(
            cursor: cursorPosition ?? end,
            end: end,
            text: text,
            endsAtRowBoundary: endsAtRowBoundary
        )
    }

    /// The prompt as written: unchanged when it has escape sequences (their cells
    /// cannot be padded), else with the same padding as the text for wide characters.
    private static func visiblePrompt(_ prompt: String, width: Int) -> String {
        guard !prompt.unicodeScalars.contains("\u{1B}") else { return prompt }
        return layout(prompt: "", buffer: prompt, cursor: prompt.endIndex, width: width).text
    }

    /// A character as drawn: control characters in caret notation (`^J`, `^?`),
    /// so that every character of the buffer takes the columns the layout says.
    static func visible(_ character: Character) -> String {
        guard character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            return String(character)
        }
        var result = ""
        for scalar in character.unicodeScalars {
            switch scalar.value {
            case 0x00..<0x20: result += "^" + String(Unicode.Scalar(scalar.value + 0x40)!)
            case 0x7F: result += "^?"
            case 0x80...0x9F: result += "^?"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
