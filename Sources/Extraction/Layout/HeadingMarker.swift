/// The marker that opens a heading line, which decides what the line can be.
///
/// Documents mark policies and initiatives in many ways (`１ `, `1.`, `施策１`, `○`,
/// `◆`, `①`, `(1)`); which of them is level 1 in a given document is decided by the
/// structure builder, not here.
enum HeadingMarker: Equatable, Sendable {
    /// `1 `, `１．`, `1.` — a numbered policy.
    case number(Int)
    /// `施策１` — a numbered policy with the word 施策.
    case policyNumber(Int)
    /// `○ 〇 ◆ ● ■ ★ …`: a symbol; symbols of one shape form one class.
    case symbol(SymbolClass)
    /// `① ❶` — an enumerated initiative.
    case circled(Int)
    /// `(1)` `（１）` `⑴` `1)` — an enumerated sub-item.
    case parenthesized(Int)
    /// `1-2`, `２－３`, `1.2`: the second initiative of policy 1.
    case subNumber(Int, Int)
    /// `～…～`: a headline enclosed in wave dashes (港北区's cross-cutting policies).
    case wave

    /// The number, for numbered markers.
    var number: Int? {
        switch self {
        case .number(let n), .policyNumber(let n), .circled(let n), .parenthesized(let n), .subNumber(_, let n): return n
        case .symbol, .wave: return nil
        }
    }

    /// Whether this marker numbers top-level policies.
    var isPolicyNumber: Bool {
        switch self {
        case .number, .policyNumber: return true
        default: return false
        }
    }
}

/// Bullet symbols grouped by shape: 〇 (ideographic zero) and ○ (white circle) are
/// used interchangeably in one document, so they must count as one marker.
enum SymbolClass: Equatable, Sendable {
    case circle, diamond, disc, square, star, doubleCircle, triangle

    init?(_ s: Unicode.Scalar) {
        switch s {
        case "○", "〇", "◯", "⚪": self = .circle
        case "◆", "◇", "❖": self = .diamond
        case "●", "⚫", "◉": self = .disc
        case "■", "□", "◼", "◻", "▪", "▫", "◾": self = .square
        case "★", "☆": self = .star
        case "◎": self = .doubleCircle
        case "▶", "►", "▷", "▸", "▲", "△", "▼", "▽": self = .triangle
        default: return nil
        }
    }
}

/// A heading line: its marker and its title without marker, labels or trailing
/// plan references.
struct Heading: Equatable, Sendable {
    var marker: HeadingMarker
    var title: String
}
