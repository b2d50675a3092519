/// What the reader must do after `LineEditor` handled a key.
public enum EditAction: Hashable, Sendable {
    /// Redraw the line and read the next key.
    case `continue`
    /// Nothing to do for that key (no completion, no older history entry): ring
    /// the bell, keep going.
    case bell
    /// Enter: the line is complete.
    case submit(String)
    /// Ctrl-C: abandon the line.
    case interrupt
    /// Ctrl-D on an empty line: the user is done.
    case endOfInput
    /// Ctrl-L: clear the screen, then redraw the line at the top.
    case clearScreen
    /// A second Tab with several candidates: print them under the line, then redraw.
    case listCompletions([String])
    /// Ctrl-Z: give the terminal back and stop the process until `fg`.
    case suspend
}
