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
    /// graph says nothing about it. Read from the snapshot's `NodeIndex`: only this
    /// node's facts, the edges into it and its operations are looked at.
    public init(_ snapshot: GraphSnapshot, id text: String, documents: DocumentLibrary?) throws(OperationError) {
        let id = try NodeLookup.node(text, in: snapshot)
        let index = snapshot.nodeIndex
        var attributes: [Attribute] = []
        var outgoing: [(edge: String, node: NodeID, source: Source?)] = []
        for fact in index.facts(about: id) {
            if case .node(let target) = fact.value {
                outgoing.append((fact.attribute, target, fact.provenance.source))
            } else {
                attributes.append(Attribute(name: fact.attribute, value: fact.value, source: fact.provenance.source))
            }
        }
        let incoming = index.edges(into: id).map { (edge: $0.edge, node: $0.from, source: $0.provenance.source) }
        guard !attributes.isEmpty || !outgoing.isEmpty || !incoming.isEmpty else { throw NodeLookup.unknown(id, in: snapshot) }

        attributes.sort { ($0.name, $0.value.inputForm) < ($1.name, $1.value.inputForm) }
        let labels = index.labels(of: Set(outgoing.map(\.node) + incoming.map(\.node) + [id]))
        func links(_ edges: [(edge: String, node: NodeID, source: Source?)]) -> [Link] {
            edges.map { Link(edge: $0.edge, node: $0.node, label: labels[$0.node] ?? String($0.node.lastSegment), source: $0.source) }
                .sorted { ($0.edge, $0.node.description) < ($1.edge, $1.node.description) }
        }
        self.outgoing = links(outgoing)
        self.incoming = links(incoming)

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
        history = index.history(of: id)
        asOf = snapshot.asOf
    }
}
