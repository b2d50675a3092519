import WardGraph

/// Everything the graph says about one node, as of a snapshot: its kind and label,
/// its attributes, the edges out of it and into it (with the other end's label),
/// the document lines it was read from (with their text), and its history. What
/// `wardgraph node`, `:node` and `GET /api/nodes/{id}` show.
public struct NodePage: Sendable {
    public struct Attribute: Sendable {
        public let name: String
        public let value: FactValue
        public let source: Source?
    }

    public struct Link: Sendable {
        public let edge: String
        /// The node at the other end.
        public let node: NodeID
        public let label: String
        public let source: Source?
    }

    public struct SourceLine: Sendable {
        public let document: String
        public let line: Int
        /// The line's text, when the document is in the library.
        public let text: String?
    }

    public let id: NodeID
    public let label: String
    public let attributes: [Attribute]
    public let outgoing: [Link]
    public let incoming: [Link]
    public let sources: [SourceLine]
    public let history: [HistoryEntry]
    public let asOf: UInt64

    public var kind: NodeKind { id.kind }

    /// The page of the node `text` names; not found (with the closest id) if the
    /// graph says nothing about it.
    public init(_ snapshot: GraphSnapshot, id text: String, documents: DocumentLibrary?) throws(OperationError) {
        let id = try NodeLookup.node(text, in: snapshot)
        var attributes: [Attribute] = []
        var outgoing: [(String, NodeID, Source?)] = []
        var incoming: [(String, NodeID, Source?)] = []
        let key = id.description
        snapshot.forEachFact { entity, attribute, value in
            if entity == key {
                if case .node(let target) = value {
                    outgoing.append((attribute, target, nil))
                } else {
                    attributes.append(Attribute(name: attribute, value: value, source: nil))
                }
            } else if case .node(let target) = value, target == id, let from = try? NodeID(parsing: entity) {
                incoming.append((attribute, from, nil))
            }
        }
        guard !attributes.isEmpty || !outgoing.isEmpty || !incoming.isEmpty else { throw NodeLookup.unknown(id, in: snapshot) }

        func source(_ fact: Fact) -> Source? { snapshot.provenance(of: fact)?.source }
        attributes = attributes.map { Attribute(name: $0.name, value: $0.value, source: source(Fact(id, $0.name, $0.value))) }
            .sorted { ($0.name, $0.value.inputForm) < ($1.name, $1.value.inputForm) }
        let labels = snapshot.labels(of: Set(outgoing.map(\.1) + incoming.map(\.1) + [id]))
        func link(_ edge: String, _ node: NodeID, from: NodeID, to: NodeID) -> Link {
            Link(edge: edge, node: node, label: labels[node] ?? String(node.lastSegment), source: source(Fact(from, edge, .node(to))))
        }
        self.outgoing = outgoing.map { link($0.0, $0.1, from: id, to: $0.1) }
            .sorted { ($0.edge, $0.node.description) < ($1.edge, $1.node.description) }
        self.incoming = incoming.map { link($0.0, $0.1, from: $0.1, to: id) }
            .sorted { ($0.edge, $0.node.description) < ($1.edge, $1.node.description) }

        var seen = Set<String>()
        var lines: [SourceLine] = []
        for source in attributes.compactMap(\.source) + self.outgoing.compactMap(\.source) {
            guard seen.insert("\(source.document):\(source.firstLine)").inserted else { continue }
            lines.append(SourceLine(document: source.document, line: source.firstLine, text: documents?.line(source.firstLine, of: source.document)))
        }
        self.id = id
        label = labels[id] ?? String(id.lastSegment)
        self.attributes = attributes
        sources = lines.sorted { ($0.document, $0.line) < ($1.document, $1.line) }
        history = snapshot.history(of: id)
        asOf = snapshot.asOf
    }
}
