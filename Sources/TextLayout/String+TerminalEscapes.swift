extension StringProtocol {
    /// The text without terminal escape sequences, for measuring colored text.
    ///
    ///     "\u{1B}[1;32m泉区\u{1B}[0m> ".withoutTerminalEscapes.displayWidth   // 6
    ///
    /// Escape sequences move no cursor when they only set colors or titles, but
    /// their bytes are printable ASCII that `DisplayWidth` would count, so a
    /// colored prompt or table cell is measured on the text with them removed.
    /// Removed: CSI (`ESC [` parameters, final byte 0x40–0x7E, e.g. SGR colors),
    /// OSC (`ESC ]` … BEL or `ESC \`, e.g. window titles and hyperlinks) and other
    /// two-byte `ESC x` sequences.
    public var withoutTerminalEscapes: String {
        var scalars = unicodeScalars.makeIterator()
        var result = String.UnicodeScalarView()
        while let scalar = scalars.next() {
            guard scalar == "\u{1B}" else {
                result.append(scalar)
                continue
            }
            switch scalars.next() {
            case "[":
                while let next = scalars.next(), !(0x40...0x7E).contains(next.value) {}
            case "]":
                var previous: Unicode.Scalar?
                while let next = scalars.next() {
                    if next == "\u{07}" || (previous == "\u{1B}" && next == "\\") { break }
                    previous = next
                }
            default:
                break
            }
        }
        return String(result)
    }
}
