import Foundation
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
    /// The layout: chosen by the selection and its size unless one is named.
    public var layout = DiagramLayout.automatic
    /// Which document of each ward is drawn (each ward's latest by default).
    public var years = YearSelection.latest
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

    /// The diagram of the request's subject, styled by kind, with what was done to
    /// keep it legible.
    public func diagram(_ request: ExportRequest) throws(OperationError) -> Diagram {
        let selection: ExportSelection
        switch request.subject {
        case .why(let atom):
            do { return Diagram(graph: DerivationDiagram.graph(try session.why(atom), constants: session.engine.constants), notes: []) } catch {
                throw OperationError(error.isNotDerived ? .notFound : .badInput, "why \(atom): \(error.message)")
            }
        case .wholeGraph: selection = .wholeGraph
        case .ward(let name): selection = .ward(name)
        case .sharedPartners: selection = .sharedPartners
        case .query(let program):
            session.years = request.years
            do { selection = try QuerySelection.select(program, name: "<query>", session: session) } catch {
                throw OperationError(.badInput, "\(error)")
            }
        }
        var exporter = GraphExporter(snapshot: snapshot)
        exporter.clusterByWard = request.clusterByWard
        exporter.legend = request.legend
        exporter.layout = request.layout
        exporter.years = request.years
        do { return try exporter.diagram(selection, maxNodes: request.maxNodes) } catch let error as GraphExporter.SelectionError {
            if case .unknownWard = error { throw OperationError(.notFound, error.description) }
            throw OperationError(.badInput, error.description)
        } catch {
            throw OperationError(.badInput, "\(error)")
        }
    }
}

/// A page set: one diagram per ward, for a graph too big for one legible page.
public enum WardPages {
    /// Each ward's diagram (`request` with the ward as its subject), in ward order.
    public static func render(_ request: ExportRequest, format: any ExportFormat, from source: ExportSource) throws(OperationError) -> [(ward: String, diagram: ExportedDiagram)] {
        var pages: [(String, ExportedDiagram)] = []
        for document in source.snapshot.yearReading(request.years).read {
            var page = request
            page.subject = .ward(document.ward)
            pages.append((document.ward, try format.render(page, from: source)))
        }
        return pages
    }

    /// `wards-泉区.svg` for `wards.svg` and 泉区.
    public static func path(_ base: String, ward: String) -> String {
        let url = URL(fileURLWithPath: base)
        let ext = url.pathExtension
        let stem = url.deletingPathExtension().path
        return "\(stem)-\(ward)" + (ext.isEmpty ? "" : ".\(ext)")
    }
}

/// The layouts a front end may name (`--layout`), as the exporter defines them.
public typealias DiagramLayout = GraphExport.DiagramLayout
