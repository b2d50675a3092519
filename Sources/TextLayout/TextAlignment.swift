/// Where text sits inside a column wider than itself.
public enum TextAlignment: Sendable, Hashable {
    /// Text first, spaces after: names, Japanese text.
    case left
    /// Spaces first, text after: numbers, so that their digits line up.
    case right
    /// Spaces split on both sides; the extra one, if any, goes to the right.
    case center
}
