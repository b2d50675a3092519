import Foundation
import TextLayout

/// A node's id: its kind, a colon, and a name of one or more `/`-separated segments.
///
/// Ids are readable and typeable, and derived deterministically from what they
/// name, so the same thing gets the same id in every run and every document:
///
///     ward:泉区
///     document:泉区/R7
///     measure:泉区/R7/2          (level-1 policy 2 of 泉区's R7 document)
///     measure:泉区/R7/2.1        (its first initiative)
///     section:泉区/総務課
///     partner:社会福祉協議会
///     plan:横浜市中期計画/テーマ03/戦略5/政策26
///
/// Names are NFKC-normalised (so full-width ＡＢＣ１２３ and compatibility ideographs
/// such as ⾼ compare equal to their usual forms) and hold no white space.
public struct NodeID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let kind: NodeKind
    /// The whole id, `kind:name`, kept whole because it is what the store interns.
    public let description: String

    /// Everything after `kind:`.
    public var name: String { String(description.utf8.dropFirst(kind.rawValue.utf8.count + 1))! }

    public static func == (a: NodeID, b: NodeID) -> Bool { a.description == b.description }
    public func hash(into hasher: inout Hasher) { hasher.combine(description) }

    /// The last segment of the name: a readable default label.
    public var lastSegment: Substring {
        // Ids have no empty segment, so the last is what follows the last '/'.
        let utf8 = description.utf8
        guard let slash = utf8.lastIndex(of: UInt8(ascii: "/")) else { return Substring(name) }
        return description[utf8.index(after: slash)...]
    }

    /// Validates an id given as kind and name; the name is NFKC-normalised first.
    public init(kind: NodeKind, name: String) throws(NodeIDError) {
        let normalized = name.nfkc
        let whole = "\(kind.rawValue):\(normalized)"
        try NodeID.validate(name: normalized[...], whole: whole)
        self.kind = kind
        self.description = whole
    }

    /// Parses `kind:name`, e.g. `partner:社会福祉協議会`.
    public init(parsing text: String) throws(NodeIDError) {
        // Work on UTF-8: ':' and '/' are ASCII, and grapheme breaking would only cost time.
        let normalized = text.nfkc
        let utf8 = normalized.utf8
        guard let colon = utf8.firstIndex(of: UInt8(ascii: ":")) else { throw .missingKind(text) }
        let kindText = String(normalized[..<colon])
        guard let kind = NodeKind(rawValue: kindText) else {
            throw .unknownKind(kindText, in: text, suggestion: Suggestion.closest(to: kindText, in: NodeKind.allCases.map { $0.rawValue }))
        }
        let name = normalized[utf8.index(after: colon)...]
        try NodeID.validate(name: name, whole: normalized)
        self.kind = kind
        description = normalized
    }

    /// An id read back from the store, where it was validated on the way in.
    init(trusted text: String) {
        let colon = text.utf8.firstIndex(of: UInt8(ascii: ":"))!
        kind = NodeKind(rawValue: String(text[..<colon]))!
        description = text
    }

    /// Derives an id from the names of what it identifies, one per segment
    /// (`derived(.plan, ["横浜市中期計画", "テーマ03"])` is `plan:横浜市中期計画/テーマ03`).
    /// White space is removed and a `/` inside a name becomes `∕` (U+2215, which NFKC leaves alone), so any name yields a valid id.
    public static func derived(_ kind: NodeKind, _ segments: [String]) -> NodeID {
        let cleaned = segments.map { segment -> String in
            let normalized = segment.nfkc
            var text = ""
            for scalar in normalized.unicodeScalars where !isSpaceOrControl(scalar) {
                text.unicodeScalars.append(scalar == "/" ? "∕" : scalar)
            }
            return text.isEmpty ? "_" : text
        }
        // Cannot fail: every segment is non-empty and free of spaces, controls and slashes.
        return try! NodeID(kind: kind, name: cleaned.joined(separator: "/"))
    }

    /// Whether `text` has the shape of a node id (`word:rest` with no white space),
    /// whatever its kind; used to tell an edge's value from a plain string.
    public static func looksLikeID(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard let colon = utf8.firstIndex(of: UInt8(ascii: ":")), colon != utf8.startIndex,
              utf8.index(after: colon) != utf8.endIndex else { return false }
        guard utf8[..<colon].allSatisfy({ (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || $0 == UInt8(ascii: "_") }) else {
            return false
        }
        return !text.unicodeScalars.contains(where: isSpaceOrControl)
    }

    public static func < (lhs: NodeID, rhs: NodeID) -> Bool {
        lhs.description < rhs.description
    }

    private static func validate(name: Substring, whole: String) throws(NodeIDError) {
        if name.isEmpty { throw .emptyName(whole) }
        for (offset, scalar) in name.unicodeScalars.enumerated() where isSpaceOrControl(scalar) {
            throw .invalidCharacter(scalar, at: offset, in: whole)
        }
        // No empty segment: no leading or trailing '/', and no '//'.
        var previous = UInt8(ascii: "/")
        for byte in name.utf8 {
            if byte == UInt8(ascii: "/") && previous == UInt8(ascii: "/") { throw .emptySegment(whole) }
            previous = byte
        }
        if previous == UInt8(ascii: "/") { throw .emptySegment(whole) }
    }

    private static func isSpaceOrControl(_ scalar: Unicode.Scalar) -> Bool {
        // Fast path for the usual characters of ids: printable ASCII, kana, kanji.
        switch scalar.value {
        case 0x21...0x7E, 0x3041...0x30FF, 0x4E00...0x9FFF: return false
        default: break
        }
        return scalar.properties.isWhitespace || scalar.properties.generalCategory == .control
            || scalar.properties.generalCategory == .format
    }
}

/// What is wrong with a text that was meant to be a node id.
public enum NodeIDError: Error, Equatable, Sendable, CustomStringConvertible {
    case missingKind(String)
    case unknownKind(String, in: String, suggestion: String?)
    case emptyName(String)
    case emptySegment(String)
    case invalidCharacter(Unicode.Scalar, at: Int, in: String)

    public var description: String {
        let kinds = NodeKind.allCases.map(\.rawValue).joined(separator: ", ")
        switch self {
        case .missingKind(let text):
            return "'\(text)' is not a node id: an id is kind:name, e.g. ward:泉区 (kinds: \(kinds))"
        case .unknownKind(let kind, let text, let suggestion):
            let hint = suggestion.map { "; did you mean '\($0)'?" } ?? ""
            return "unknown node kind '\(kind)' in '\(text)' (kinds: \(kinds))\(hint)"
        case .emptyName(let text):
            return "'\(text)' has no name after the kind"
        case .emptySegment(let text):
            return "'\(text)' has an empty segment (a leading, trailing or doubled '/')"
        case .invalidCharacter(let scalar, let offset, let text):
            let shown = scalar.properties.isWhitespace ? "white space" : String(format: "U+%04X", scalar.value)
            return "'\(text)' contains \(shown) at character \(offset + 1); ids hold no spaces or control characters"
        }
    }
}
