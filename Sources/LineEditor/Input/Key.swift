/// One key press (or one pasted line) as the line editor sees it.
///
/// `KeyDecoder` produces keys from the bytes a terminal sends; the many byte
/// sequences terminals use for the same key (`ESC [ H`, `ESC O H`, `ESC [ 1 ~`
/// for Home) all become one case here, so `LineEditor` never sees bytes.
public enum Key: Hashable, Sendable {
    /// A printable scalar, typed or part of an input-method commit. A combining
    /// mark comes as its own key and joins the character before the cursor.
    case character(Unicode.Scalar)
    /// One line of text pasted while bracketed paste was on, without its line
    /// break (each break is a separate `.enter`) and with control characters
    /// removed: inserted literally, never interpreted as keys.
    case paste(String)
    case enter
    case tab
    case backspace
    case delete
    case left, right, up, down
    case home, end
    case pageUp, pageDown, insert
    /// Ctrl or Alt with Left/Right: move by word.
    case wordLeft, wordRight
    /// A control key: Ctrl-A … Ctrl-Z as "a" … "z", and Ctrl-@ \ ] ^ _ as those
    /// symbols. Ctrl-H, Ctrl-I, Ctrl-J, Ctrl-M and Ctrl-[ arrive as `.backspace`,
    /// `.tab`, `.enter`, `.enter` and `.escape`, because terminals send the same
    /// bytes for them.
    case control(Character)
    /// Alt (Meta) with a key, sent by terminals as ESC followed by the key:
    /// `.meta("b")` for Alt-B, `.meta("\u{7F}")` for Alt-Backspace.
    case meta(Character)
    /// The Escape key on its own.
    case escape
    /// An escape sequence this decoder does not know (a function key, a mouse
    /// report): its bytes, for debugging. The editor ignores it.
    case unknown([UInt8])
}

extension Key {
    /// The keys for typing `text` one scalar at a time, with "\n" as Enter: a
    /// shorthand for tests and scripted input.
    public static func typing(_ text: String) -> [Key] {
        text.unicodeScalars.map { $0 == "\n" ? .enter : .character($0) }
    }
}
