import TextLayout

/// The graph model's rules for a well-formed fact, checked before anything is written.
public enum FactRules {
    /// Integers are stored in 62 bits (see `StoredValue`).
    public static let integerRange: ClosedRange<Int64> = -(1 << 61)...((1 << 61) - 1)

    /// Throws the first rule `fact` breaks.
    public static func validate(_ fact: Fact) throws(FactError) {
        let attribute = fact.attribute
        guard isAttributeName(attribute) else { throw .invalidAttribute(attribute) }
        switch fact.value {
        case .node(let target):
            guard let edge = EdgeType(attribute: attribute) else {
                throw .nodeValueWithoutEdge(
                    attribute: attribute, value: target.description,
                    suggestion: Suggestion.closest(to: attribute, in: EdgeType.allCases.map(\.rawValue)))
            }
            guard edge.allowsStart(fact.entity.kind) else {
                throw .wrongKind(edge: edge, end: "start", found: fact.entity.kind, allowed: edge.fromKinds)
            }
            guard edge.allowsEnd(target.kind) else {
                throw .wrongKind(edge: edge, end: "end", found: target.kind, allowed: edge.toKinds)
            }
        case .text(let text):
            if let edge = EdgeType(attribute: attribute) { throw .edgeWithoutNode(edge: edge, value: text) }
            if attribute == "kind", text != fact.entity.kind.rawValue {
                throw .kindMismatch(entity: fact.entity, stated: text)
            }
            if text.utf8.contains(0) { throw .nulCharacter(attribute: attribute) }
        case .integer(let n):
            if let edge = EdgeType(attribute: attribute) { throw .edgeWithoutNode(edge: edge, value: String(n)) }
            if attribute == "kind" { throw .kindMismatch(entity: fact.entity, stated: String(n)) }
            guard integerRange.contains(n) else { throw .integerOutOfRange(n) }
        }
    }

    /// Attribute names are lower-case ASCII words: `label`, `fiscal_year`, `partners_with`.
    public static func isAttributeName(_ name: String) -> Bool {
        guard let first = name.utf8.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first) else { return false }
        return name.utf8.allSatisfy {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "_")
        }
    }
}

/// A fact that breaks the graph model's rules.
public enum FactError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidAttribute(String)
    case nodeValueWithoutEdge(attribute: String, value: String, suggestion: String?)
    case edgeWithoutNode(edge: EdgeType, value: String)
    case wrongKind(edge: EdgeType, end: String, found: NodeKind, allowed: Set<NodeKind>)
    case kindMismatch(entity: NodeID, stated: String)
    case integerOutOfRange(Int64)
    case nulCharacter(attribute: String)

    public var description: String {
        switch self {
        case .invalidAttribute(let name):
            return "invalid attribute name '\(name)': use lower-case letters, digits and '_' (e.g. label, fiscal_year, partners_with)"
        case .nodeValueWithoutEdge(let attribute, let value, let suggestion):
            let edges = EdgeType.allCases.map(\.rawValue).joined(separator: ", ")
            let hint = suggestion.map { "did you mean '\($0)'? " } ?? ""
            return "'\(attribute)' is not an edge type, but its value '\(value)' is a node id; \(hint)edge types are \(edges). To store the id as text, put it in double quotes."
        case .edgeWithoutNode(let edge, let value):
            return "'\(edge.rawValue)' is an edge, so its value must be a node id like ward:泉区, not '\(value)'"
        case .wrongKind(let edge, let end, let found, let allowed):
            let names = allowed.sorted().map(\.rawValue).joined(separator: " or ")
            return "'\(edge.rawValue)' cannot \(end == "start" ? "start at" : "end at") a \(found.rawValue) node; it goes from \(edge.fromKinds.sorted().map(\.rawValue).joined(separator: "/")) to \(edge.toKinds.sorted().map(\.rawValue).joined(separator: "/")) (the \(end) must be \(names))"
        case .kindMismatch(let entity, let stated):
            return "'\(entity)' is a \(entity.kind.rawValue) node (its id says so), but the fact says kind '\(stated)'"
        case .integerOutOfRange(let n):
            return "integer \(n) is out of the stored range (±2^61); store it as text in double quotes"
        case .nulCharacter(let attribute):
            return "the value of '\(attribute)' contains a NUL character"
        }
    }
}
