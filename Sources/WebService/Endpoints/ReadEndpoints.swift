import Application
import HTTPServer
import TextLayout
import WardGraph

/// The reads: schema, nodes, documents, log, stats, export, and the example
/// questions. Each names the transaction it read at (its ETag) and is cached by it.
extension GraphService {
    /// `GET /api/schema`: the relations with arity, argument names, doc comments and rows.
    func schema(_ request: HTTPRequest, _ exchange: Exchange) throws(HTTPError) -> HTTPResponse {
        _ = try RequestFields(query: request, allowed: [])
        let snapshot = snapshots.current
        return try read(request, at: snapshot.asOf, key: "schema") { () throws(HTTPError) -> HTTPResponse in
            let schema = try evaluating { () throws(HTTPError) -> Schema in
                try sessions.withSession(over: snapshot) { session throws(HTTPError) -> Schema in
                    do throws(OperationError) { return try Schema(session, counting: true) } catch { throw HTTPError(error) }
                }
            }
            return json(.ok, SchemaView.json(schema))
        }
    }

    /// `GET /api/nodes/{id}?as_of=`: kind, label, attributes, edges in and out, sources, history.
    func node(_ request: HTTPRequest, id: String) throws(HTTPError) -> HTTPResponse {
        let fields = try RequestFields(query: request, allowed: ["as_of"])
        let snapshot = try snapshot(asOf: try fields.integer("as_of"))
        return try read(request, at: snapshot.asOf, key: "node \(id)") { () throws(HTTPError) -> HTTPResponse in
            do throws(OperationError) { return json(.ok, NodeView.json(try NodePage(snapshot, id: id, documents: workspace.documents))) } catch {
                throw HTTPError(error)
            }
        }
    }

    /// `GET /api/documents/{name}?from=&to=`: the lines of a document the graph was read from.
    func document(_ request: HTTPRequest, name: String) throws(HTTPError) -> HTTPResponse {
        let fields = try RequestFields(query: request, allowed: ["from", "to"])
        let from = Int(try fields.integer("from", atLeast: 1) ?? 1)
        let to = try fields.integer("to", atLeast: 1).map { Int($0) }
        let snapshot = snapshots.current
        return try read(request, at: snapshot.asOf, key: "document \(name) \(from) \(to ?? 0)") { () throws(HTTPError) -> HTTPResponse in
            let text: DocumentText
            do throws(OperationError) { text = try workspace.documents.text(of: name, in: snapshot) } catch { throw HTTPError(error) }
            guard text.ingestedHash != nil else {
                throw HTTPError(.notFound, "the graph has no document \(name) as of transaction \(snapshot.asOf)")
            }
            let last = min(to ?? text.lines.count, text.lines.count)
            let lines = from <= last ? Array(from...last) : []
            return json(.ok, .object([
                ("document", .string(name)), ("tx", .integer(Int64(snapshot.asOf))), ("line_count", .integer(text.lines.count)),
                ("changed_since_ingest", .bool(text.hasChangedSinceIngest)), ("from", .integer(from)), ("to", .integer(last)),
                ("lines", .array(lines.map { .object([("line", .integer($0)), ("text", .string(text.line($0)))]) })),
            ]))
        }
    }

    /// `GET /api/log?since=TX`: the transactions after TX (all without it).
    func log(_ request: HTTPRequest) throws(HTTPError) -> HTTPResponse {
        let fields = try RequestFields(query: request, allowed: ["since", "last"])
        let since = try fields.integer("since").map(UInt64.init)
        let last = try fields.integer("last", atLeast: 1).map { Int($0) }
        let snapshot = snapshots.current
        return try read(request, at: snapshot.asOf, key: "log \(since ?? 0) \(last ?? 0)") { () throws(HTTPError) -> HTTPResponse in
            json(.ok, LogView.json(LogListing(snapshot, since: since, last: last)))
        }
    }

    /// `GET /api/stats?as_of=`: nodes by kind, edges by type, facts, transactions.
    func stats(_ request: HTTPRequest) throws(HTTPError) -> HTTPResponse {
        let fields = try RequestFields(query: request, allowed: ["as_of"])
        let snapshot = try snapshot(asOf: try fields.integer("as_of"))
        return try read(request, at: snapshot.asOf, key: "stats") { () throws(HTTPError) -> HTTPResponse in
            json(.ok, StatsView.json(GraphSummary(snapshot, storePath: workspace.storePath, fileSize: workspace.withStore { $0.fileSize })))
        }
    }

    /// `GET /api/export?ward=泉区 | shared_partners | q=… | why=…&format=svg|dot|png&year=`:
    /// the diagrams of `wardgraph export`; SVG and PNG need Graphviz (else 501).
    func export(_ request: HTTPRequest, _ exchange: Exchange) throws(HTTPError) -> HTTPResponse {
        let fields = try RequestFields(
            query: request, allowed: ["ward", "shared_partners", "q", "why", "format", "year", "as_of", "max_nodes", "cluster_by_ward", "legend"])
        let chosen = ["ward", "shared_partners", "q", "why"].filter(fields.has)
        guard chosen.count <= 1 else { throw HTTPError(.badRequest, "choose one of ward, shared_partners, q and why, not \(chosen.joined(separator: " and "))") }
        var exportRequest: ExportRequest
        if let ward = try fields.string("ward") {
            exportRequest = ExportRequest(subject: .ward(ward))
        } else if fields.has("shared_partners") {
            exportRequest = ExportRequest(subject: .sharedPartners)
        } else if let program = try fields.string("q") {
            exportRequest = ExportRequest(subject: .query(program))
        } else if let atom = try fields.string("why") {
            exportRequest = ExportRequest(subject: .why(atom))
        } else {
            exportRequest = ExportRequest(subject: .wholeGraph)
        }
        exportRequest.maxNodes = Int(try fields.integer("max_nodes", atLeast: 1) ?? Int64(exportRequest.maxNodes))
        exportRequest.clusterByWard = fields.flag("cluster_by_ward")
        exportRequest.legend = !fields.has("legend") || fields.flag("legend")
        exportRequest.years = try fields.years()
        let formatName = try fields.string("format") ?? "svg"
        guard let format = ExportFormats.named(formatName) else {
            throw HTTPError(.badRequest, "unknown format '\(formatName)'\(Suggestion.hint(for: formatName, in: ExportFormats.names)); the formats are \(ExportFormats.names.joined(separator: ", "))")
        }
        let asOf = try fields.integer("as_of")
        let snapshot = try snapshot(asOf: asOf)
        let wanted = exportRequest
        let key = "export \(format.name) \(wanted.subject) \(wanted.maxNodes) \(wanted.clusterByWard) \(wanted.legend) \(wanted.years)"
        return try read(request, at: snapshot.asOf, key: key) { () throws(HTTPError) -> HTTPResponse in
            let bytes = try evaluating { () throws(HTTPError) -> [UInt8] in
                try sessions.withSession(over: snapshot, years: wanted.years, pooled: asOf == nil) { session throws(HTTPError) -> [UInt8] in
                    do throws(OperationError) { return try format.export(wanted, from: ExportSource(snapshot: snapshot, session: session)) } catch {
                        throw HTTPError(error)
                    }
                }
            }
            var response = HTTPResponse(status: .ok, headers: [("Content-Type", format.mediaType)], body: bytes)
            // A diagram is shown as an image: nothing in it may run or load.
            response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
            return response
        }
    }

    /// `GET /api/years?as_of=`: the fiscal years the graph has documents of, newest
    /// first, with their wards, and what a question reads without `year`.
    func years(_ request: HTTPRequest) throws(HTTPError) -> HTTPResponse {
        let fields = try RequestFields(query: request, allowed: ["as_of"])
        let snapshot = try snapshot(asOf: try fields.integer("as_of"))
        return try read(request, at: snapshot.asOf, key: "years") { () throws(HTTPError) -> HTTPResponse in
            json(.ok, YearsView.json(snapshot.wardDocuments(), asOf: snapshot.asOf))
        }
    }

    /// `GET /api/examples`: the planners' questions of Queries/, for the explorer's menu.
    func examplesResponse() -> HTTPResponse {
        json(.ok, .object([("examples", .array(examples.map { example in
            .object([("name", .string(example.name)), ("title", .string(example.title)), ("program", .string(example.program))])
        }))]))
    }
}
