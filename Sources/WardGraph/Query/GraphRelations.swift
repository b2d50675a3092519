import Datalog
import Interning

/// The graph as relations of the query language:
///
/// | relation | tuples |
/// |---|---|
/// | `ward(Id)`, `measure(Id)`, … one per node kind | every node of that kind |
/// | `has_measure(From, To)`, … one per edge type | every edge of that type |
/// | `label(Id, Text)` | each node's labels (the id's last segment if it has none) |
/// | `attr(Id, Name, Value)` | every fact that is not an edge |
/// | `edge(From, Type, To)` | every edge |
/// | `source(Id, Document, Line)` | where facts about a node were read |
/// | `selected_document(Id)` | the document read for each ward: its latest, or that of the year chosen |
///
/// Relations are filled only when a program uses them. Ids and texts become the
/// engine's strings through a per-symbol cache, so each string is interned once.
public enum GraphRelations {
    public static let signatures: [InputSignature] =
        NodeKind.allCases.map {
            InputSignature(name: $0.rawValue, arity: 1, description: "every \($0.rawValue) node", arguments: ["Id"], columnTypes: [.text])
        }
        + EdgeType.allCases.map { edge in
            InputSignature(
                name: edge.rawValue, arity: 2,
                description: "\(edge.fromKinds.sorted().map(\.rawValue).joined(separator: "/")) → \(edge.toKinds.sorted().map(\.rawValue).joined(separator: "/"))",
                arguments: ["From", "To"], columnTypes: [.text, .text])
        }
        + [
            // A label or an attribute's value may be a text or a whole number.
            InputSignature(
                name: "label", arity: 2, description: "label(Id, Text): a node's name", arguments: ["Id", "Text"],
                columnTypes: [.text, .mixed]),
            InputSignature(
                name: "attr", arity: 3, description: "attr(Id, Name, Value): every fact that is not an edge",
                arguments: ["Id", "Name", "Value"], columnTypes: [.text, .text, .mixed]),
            InputSignature(
                name: "edge", arity: 3, description: "edge(From, Type, To): every edge", arguments: ["From", "Type", "To"],
                columnTypes: [.text, .text, .text]),
            InputSignature(
                name: "source", arity: 3, description: "source(Id, Document, Line): where a node was read",
                arguments: ["Id", "Document", "Line"], columnTypes: [.text, .text, .integer]),
            InputSignature(
                name: selectedDocument, arity: 1,
                description: "selected_document(Id): the document the planner relations read for each ward (its latest, or the year chosen)",
                arguments: ["Id"], columnTypes: [.text]),
        ]

    /// The relation that says which document of each ward is read; a result that
    /// depends on it says which years it read.
    public static let selectedDocument = "selected_document"

    /// Registers the relations of `snapshot` as inputs of `engine`, reading the
    /// documents of `years` in `selected_document`.
    public static func register(_ snapshot: GraphSnapshot, on engine: DatalogEngine, years: YearSelection = .latest) {
        let tables = RelationTables(snapshot: snapshot, constants: engine.constants, years: years)
        for signature in signatures {
            let name = signature.name
            engine.addInput(InputRelation(
                signature,
                provenance: { tuple in tables.provenance(name, tuple) },
                load: { writer in tables.load(name, into: writer) }))
        }
    }
}

/// Fills each graph relation when a program first uses it, with one pass over the
/// facts written straight into the engine's relation: no relation a program does
/// not read is made, and no tuple is held twice (a graph of a million facts used
/// to cost hundreds of megabytes of intermediate arrays here).
final class RelationTables: @unchecked Sendable {
    private let snapshot: GraphSnapshot
    private let constants: ConstantTable
    /// Engine value of each store symbol, or nil until needed.
    private var values: [Value?] = []
    /// Which document of each ward `selected_document` holds.
    private let years: YearSelection

    init(snapshot: GraphSnapshot, constants: ConstantTable, years: YearSelection) {
        self.snapshot = snapshot
        self.constants = constants
        self.years = years
    }

    func load(_ name: String, into writer: RelationWriter) {
        if values.isEmpty { values = Array(repeating: nil, count: snapshot.symbols.count) }
        let symbols = snapshot.symbols
        let facts = snapshot.state.facts
        let batch = RelationWriter.Batch(writer: writer)
        func add(_ a: Value, _ b: Value? = nil, _ c: Value? = nil) {
            let tuple = batch.nextTuple()
            tuple[0] = a.raw
            if let b { tuple[1] = b.raw }
            if let c { tuple[2] = c.raw }
            batch.commitTuple()
        }
        defer { batch.flush() }
        if let kind = NodeKind(rawValue: name) {
            for node in nodes() where symbols.withBytes(of: node, { NodeKind(prefixOf: $0) }) == kind { add(value(node)) }
            return
        }
        switch name {
        case "label":
            guard let labelSymbol = symbols.lookup("label") else { break }
            var labelled = Set<SymbolTable.Symbol>()
            for fact in facts where fact.attribute == labelSymbol && fact.value.tag != .node {
                add(value(fact.entity), value(fact.value))
                labelled.insert(fact.entity)
            }
            for node in nodes() where !labelled.contains(node) {
                add(value(node), constants.string(String(symbols.nodeID(node).lastSegment)))
            }
        case "attr":
            for fact in facts where fact.value.tag != .node { add(value(fact.entity), value(fact.attribute), value(fact.value)) }
        case "edge":
            for fact in facts where fact.value.tag == .node { add(value(fact.entity), value(fact.attribute), value(fact.value.symbol)) }
        case GraphRelations.selectedDocument:
            for reading in snapshot.yearReading(years).read { add(constants.string(reading.document.description)) }
        case "source":
            let supports = snapshot.state.table.supports
            for (index, fact) in facts.enumerated() {
                let source = snapshot.ops.sources[Int(supports[index].assertion)]
                if !source.isNone { add(value(fact.entity), value(source.document), constants.integer(Int64(source.firstLine))) }
            }
        default:
            guard EdgeType(rawValue: name) != nil, let attribute = symbols.lookup(name) else { break }
            for fact in facts where fact.attribute == attribute && fact.value.tag == .node { add(value(fact.entity), value(fact.value.symbol)) }
        }
    }

    /// Every node: each fact's entity, and each node an edge points to.
    private func nodes() -> Set<SymbolTable.Symbol> {
        var nodes = Set<SymbolTable.Symbol>()
        for fact in snapshot.state.facts {
            nodes.insert(fact.entity)
            if fact.value.tag == .node { nodes.insert(fact.value.symbol) }
        }
        return nodes
    }

    private func value(_ symbol: SymbolTable.Symbol) -> Value {
        if let known = values[Int(symbol)] { return known }
        let value = snapshot.symbols.withBytes(of: symbol) { constants.string(utf8: $0) }
        values[Int(symbol)] = value
        return value
    }

    private func value(_ stored: StoredValue) -> Value {
        switch stored.tag {
        case .node, .text: return value(stored.symbol)
        case .integer: return constants.integer(stored.integer)
        }
    }

    /// Where the graph fact behind a tuple of relation `name` came from.
    func provenance(_ name: String, _ tuple: [Value]) -> String? {
        func text(_ v: Value) -> String { constants.display(v) }
        func node(_ v: Value) -> NodeID? { try? NodeID(parsing: text(v)) }
        let fact: Fact?
        switch name {
        case "label", "attr":
            guard let id = node(tuple[0]) else { return nil }
            let attribute = name == "label" ? "label" : text(tuple[1])
            let raw = tuple[name == "label" ? 1 : 2]
            let value: FactValue = constants.integerValue(raw).map(FactValue.integer) ?? .text(text(raw))
            fact = Fact(id, attribute, value)
            if name == "label", !snapshot.contains(fact!) { return "the id's own name (no label fact)" }
        case "edge":
            guard let from = node(tuple[0]), let to = node(tuple[2]) else { return nil }
            fact = Fact(from, text(tuple[1]), .node(to))
        case "source":
            return "\(text(tuple[1])):\(text(tuple[2]))"
        case GraphRelations.selectedDocument:
            if case .year(let year) = years { return "the year chosen, \(year.short)" }
            return "its ward's latest document"
        default:
            if EdgeType(rawValue: name) != nil, tuple.count == 2, let from = node(tuple[0]), let to = node(tuple[1]) {
                fact = Fact(from, name, .node(to))
            } else if let kind = NodeKind(rawValue: name), let id = node(tuple[0]), id.kind == kind {
                return nodeProvenance(id)
            } else {
                fact = nil
            }
        }
        guard let fact, let provenance = snapshot.provenance(of: fact) else { return nil }
        return describe(provenance)
    }

    private func describe(_ provenance: FactProvenance) -> String {
        if let source = provenance.source { return source.description }
        return "asserted by \(provenance.author) in transaction \(provenance.transaction)"
    }

    /// A node's provenance: that of its `kind` fact, else that of the first fact
    /// about it (in the order of `facts(about:)`) that has one.
    private func nodeProvenance(_ id: NodeID) -> String? {
        if let provenance = snapshot.provenance(of: Fact(id, "kind", .text(id.kind.rawValue))) {
            return describe(provenance)
        }
        for fact in snapshot.facts(about: id) {
            if let provenance = snapshot.provenance(of: fact) { return describe(provenance) }
        }
        return nil
    }
}
