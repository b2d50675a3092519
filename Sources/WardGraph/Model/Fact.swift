import Datalog

/// One statement about the graph: (entity, attribute, value).
///
/// An edge is a fact whose attribute is an `EdgeType` and whose value is a node;
/// `label`, `kind`, `fiscal_year`, `level`, `line` and any other attribute are facts
/// too, with text or integer values.
public struct Fact: Hashable, Sendable, CustomStringConvertible {
    public let entity: NodeID
    public let attribute: String
    public let value: FactValue

    public init(_ entity: NodeID, _ attribute: String, _ value: FactValue) {
        self.entity = entity
        self.attribute = attribute
        self.value = value
    }

    public init(_ entity: NodeID, _ edge: EdgeType, _ target: NodeID) {
        self.init(entity, edge.rawValue, .node(target))
    }

    /// The fact as a line of the assert/retract input format.
    public var description: String { "\(entity)\t\(attribute)\t\(value.inputForm)" }
}

/// The value of a fact: another node (making the fact an edge), a text, or an integer.
public enum FactValue: Hashable, Sendable, CustomStringConvertible {
    case node(NodeID)
    case text(String)
    case integer(Int64)

    public var node: NodeID? {
        if case .node(let id) = self { return id }
        return nil
    }

    /// The value as shown to people: ids and texts as they are, integers in decimal.
    public var description: String {
        switch self {
        case .node(let id): return id.description
        case .text(let text): return text
        case .integer(let n): return String(n)
        }
    }

    /// The value as written in the tab-separated input: texts that would read back
    /// as something else (a number, an id, a quoted string, or with tabs or line
    /// breaks) are quoted with JSON-style escapes.
    public var inputForm: String {
        switch self {
        case .node(let id): return id.description
        case .integer(let n): return String(n)
        case .text(let text):
            let needsQuotes = text.isEmpty || Int64(text) != nil || NodeID.looksLikeID(text) || text.hasPrefix("\"")
                || text.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\\" })
            return needsQuotes ? Constant.quoted(text) : text
        }
    }
}

/// Where a fact was read from: a document and the lines of it.
public struct Source: Hashable, Sendable, CustomStringConvertible {
    /// The document's file name, e.g. `izumi-r7.txt`.
    public let document: String
    public let firstLine: Int
    public let lastLine: Int

    public init(document: String, lines: ClosedRange<Int>) {
        self.document = document
        self.firstLine = lines.lowerBound
        self.lastLine = lines.upperBound
    }

    public init(document: String, line: Int) {
        self.init(document: document, lines: line...line)
    }

    public var description: String {
        firstLine == lastLine ? "\(document):\(firstLine)" : "\(document):\(firstLine)-\(lastLine)"
    }
}

/// One change in a transaction: a fact asserted (with where it came from) or retracted.
public struct Change: Hashable, Sendable {
    public enum Kind: Sendable { case assert, retract }
    public let kind: Kind
    public let fact: Fact
    public let source: Source?

    public static func assert(_ fact: Fact, source: Source? = nil) -> Change {
        Change(kind: .assert, fact: fact, source: source)
    }

    public static func retract(_ fact: Fact) -> Change {
        Change(kind: .retract, fact: fact, source: nil)
    }
}
