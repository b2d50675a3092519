/// The marker that opens a heading line, which decides what the line can be.
///
/// Documents mark policies and initiatives in many ways (`１ `, `1.`, `施策１`,
/// `【柱１】`, `視点１：`, `○`, `◆`, `①`, `(1)`, `（ア）`); which of them is level 1
/// in a given document is decided by the structure builder from the order in which
/// the marker families first appear, not here.
enum HeadingMarker: Equatable, Sendable {
    /// `1 `, `１．`, `1.` — a numbered policy.
    case number(Int)
    /// `施策１`, `重点取組２`, `【柱１】`, `視点３：` — a word and a number: the word
    /// names the family (a document's 施策 and its 視点 are two families).
    case keyword(String, Int)
    /// `○ 〇 ◆ ● ■ ★ …`: a symbol; symbols of one shape form one class.
    case symbol(SymbolClass)
    /// `① ❶` — an enumerated initiative.
    case circled(Int)
    /// `(1)` `（１）` `⑴` `1)` — an enumerated sub-item.
    case parenthesized(Int)
    /// `（ア）` `(イ)` — items counted in katakana order (ア イ ウ エ オ …).
    case kana(Int)
    /// `1-2`, `２－３`, `1.2`: the second initiative of policy 1.
    case subNumber(Int, Int)
    /// `～…～`: a headline enclosed in wave dashes (港北区's cross-cutting policies).
    case wave
    /// A row of a table of initiatives (see ``TableReader``), with the text of its
    /// key cell (`1-1`, `２`), which may be empty.
    case tableRow(String)

    /// The number, for numbered markers.
    var number: Int? {
        switch self {
        case .number(let n), .keyword(_, let n), .circled(let n), .parenthesized(let n), .kana(let n), .subNumber(_, let n): return n
        case .symbol, .wave, .tableRow: return nil
        }
    }

    /// Whether this marker numbers top-level policies.
    var isPolicyNumber: Bool {
        switch self {
        case .number, .keyword: return true
        default: return false
        }
    }

    /// The family the marker belongs to: markers of one family stand for one level
    /// of the document's outline.
    var family: MarkerFamily {
        switch self {
        case .number: return .number
        case .keyword(let word, _): return .keyword(word)
        case .symbol(let shape): return .symbol(shape)
        case .circled: return .circled
        case .parenthesized: return .parenthesized
        case .kana: return .kana
        case .subNumber: return .subNumber
        case .wave: return .wave
        case .tableRow: return .tableRow
        }
    }

    /// The label by which other parts of a document refer to the heading (`視点1`
    /// in a table of plans keyed by 視点, `1-1` for a table row), as a comparison
    /// key; nil for markers that carry no number.
    var label: String? {
        switch self {
        case .number(let n): return String(n)
        case .keyword(let word, let n): return word + String(n)
        case .parenthesized(let n): return "(\(n))"
        case .subNumber(let a, let b): return "\(a)-\(b)"
        case .tableRow(let key): return key.isEmpty ? nil : TextNormalizer.key(key)
        case .circled, .kana, .symbol, .wave: return nil
        }
    }
}

/// A kind of heading marker, regardless of its number: the unit by which levels are
/// assigned (see ``StructureWalk``).
enum MarkerFamily: Hashable, Sendable {
    case number, keyword(String), symbol(SymbolClass), circled, parenthesized, kana, subNumber, wave, tableRow
    /// A bullet whose text is the name of an initiative (see ``NameBulletRule``).
    case nameBullet
}

/// Bullet symbols grouped by how they look: 〇 (ideographic zero) and ○ (white
/// circle) are used interchangeably in one document, so they must count as one
/// marker. A filled shape and its hollow twin (■ □, ◆ ◇, ● ○) look different and
/// mark different levels where a document uses both (■ a policy, □ its initiatives).
enum SymbolClass: Hashable, Sendable {
    case circle, diamond, hollowDiamond, disc, square, hollowSquare, star, hollowStar, doubleCircle, triangle, hollowTriangle

    init?(_ s: Unicode.Scalar) {
        switch s {
        case "○", "〇", "◯", "⚪": self = .circle
        case "◆", "❖": self = .diamond
        case "◇": self = .hollowDiamond
        case "●", "⚫", "◉": self = .disc
        case "■", "◼", "▪", "◾": self = .square
        case "□", "◻", "▫": self = .hollowSquare
        case "★": self = .star
        case "☆": self = .hollowStar
        case "◎": self = .doubleCircle
        case "▶", "►", "▸", "▲", "▼": self = .triangle
        case "▷", "△", "▽": self = .hollowTriangle
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
