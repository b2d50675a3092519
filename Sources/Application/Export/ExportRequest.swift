import Datalog
import GraphExport
import GraphViz
import Querying
import WardGraph

/// What part of the graph to draw or write out.
public enum ExportSubject: Sendable, Equatable {
    /// Every node and edge.
    case wholeGraph
    /// One ward, by name: its measures, sections, partners and plans.
    case ward(String)
    /// The wards and the partners two or more of them share.
    case sharedPartners
    /// The nodes (or edges) a program's last query names.
    case query(String)
    /// The derivation of a ground atom.
    case why(String)
}

/// An export: the subject, how to draw it, and the format.
public struct ExportRequest: Sendable {
    public var subject: ExportSubject
    public var clusterByWard = false
    public var legend = true
    public var maxNodes = GraphExporter.defaultMaxNodes
    public var font = DiagramFile.defaultFont
    /// Where node IRIs start in an RDF export (nil: `Namespace.defaultBase`).
    public var base: String?

    public init(subject: ExportSubject) {
        self.subject = subject
    }
}

/// What an export reads: the graph as of one transaction, and a session over it
/// with the prelude for `query` and `why` subjects.
public struct ExportSource {
    public let snapshot: GraphSnapshot
    public let session: QuerySession

    public init(snapshot: GraphSnapshot, session: QuerySession) {
        self.snapshot = snapshot
        self.session = session
    }

    /// The diagram of the request's subject, styled by kind.
    public func diagram(_ request: ExportRequest) throws(OperationError) -> DotGraph {
        let selection: ExportSelection
        switch request.subject {
        case .why(let atom):
            do { return DerivationDiagram.graph(try session.why(atom), constants: session.engine.constants) } catch {
                throw OperationError(error.isNotDerived ? .notFound : .badInput, "why \(atom): \(error.message)")
            }
        case .wholeGraph: selection = .wholeGraph
        case .ward(let name): selection = .ward(name)
        case .sharedPartners: selection = .sharedPartners
        case .query(let program):
            do { selection = try QuerySelection.select(program, name: "<query>", session: session) } catch {
                throw OperationError(.badInput, "\(error)")
            }
        }
        var exporter = GraphExporter(snapshot: snapshot)
        exporter.clusterByWard = request.clusterByWard
        exporter.legend = request.legend
        do { return try exporter.graph(selection, maxNodes: request.maxNodes) } catch let error as GraphExporter.SelectionError {
            if case .unknownWard = error { throw OperationError(.notFound, error.description) }
            throw OperationError(.badInput, error.description)
        } catch {
            throw OperationError(.badInput, "\(error)")
        }
    }
}
