import Application
import Foundation
import HTTPServer
import TextLayout
import WardGraph

/// The knowledge graph over HTTP: the JSON API and the explorer page, as a handler
/// for `HTTPServer`. Every endpoint is an operation and a view of the application
/// layer; this type adds what HTTP needs: routing, one snapshot per request named by
/// its ETag, caching by transaction, the limits on evaluations, the token for
/// writes, and the security headers on every response.
public final class GraphService: @unchecked Sendable {
    let workspace: Workspace
    let options: ServiceOptions
    let snapshots: SnapshotPublisher
    let sessions: SessionPool
    let limiter: QueryLimiter
    let cache: ResponseCache
    let examples: [ExampleQuery]

    public init(workspace: Workspace, options: ServiceOptions) {
        self.workspace = workspace
        self.options = options
        snapshots = SnapshotPublisher(workspace: workspace, interval: options.refreshInterval)
        sessions = SessionPool(workspace: workspace, limits: options.queryLimits, capacity: options.maxConcurrentQueries)
        limiter = QueryLimiter(maximum: options.maxConcurrentQueries, patience: options.queueTimeout)
        cache = ResponseCache(capacity: options.cacheBytes)
        examples = ExampleQuery.load(from: options.queriesDirectory)
    }

    /// Stops the background refresh.
    public func stop() {
        snapshots.stop()
    }

    /// The server's handler: answers one request, whatever it holds.
    public func handle(_ request: HTTPRequest, _ exchange: Exchange) -> HTTPResponse {
        var response: HTTPResponse
        do {
            response = try route(request, exchange)
        } catch {
            response = errorResponse(error)
        }
        decorate(&response, for: request)
        return response
    }

    /// An error as JSON, `{"errors": [{"message": …}]}`, with the security headers: the
    /// service's own errors and, through the server's error responder, the server's.
    public func errorResponse(_ error: HTTPError) -> HTTPResponse {
        var response = json(error.status, DiagnosticView.json(message: error.message))
        if error.status == .unauthorized { response.setHeader("WWW-Authenticate", "Bearer realm=\"wardgraph\"") }
        if error.status == .serviceUnavailable { response.setHeader("Retry-After", "1") }
        decorate(&response, for: nil)
        return response
    }

    // MARK: - Routing

    private func route(_ request: HTTPRequest, _ exchange: Exchange) throws(HTTPError) -> HTTPResponse {
        let path = request.path
        if request.method == "OPTIONS" { return preflight(request) }
        switch path {
        case "/", "/index.html": try allow(request, "GET", "HEAD"); return ExplorerAssets.page
        case ExplorerAssets.scriptPath: try allow(request, "GET", "HEAD"); return ExplorerAssets.script
        case ExplorerAssets.stylePath: try allow(request, "GET", "HEAD"); return ExplorerAssets.style
        case "/healthz":
            try allow(request, "GET", "HEAD")
            let snapshot = snapshots.current
            return json(.ok, .object([("status", "ok"), ("tx", .integer(Int64(snapshot.asOf))), ("read_only", .bool(options.isReadOnly))]))
        case "/api/query": try allow(request, "GET", "HEAD", "POST"); return try query(request, exchange)
        case "/api/why": try allow(request, "GET", "HEAD", "POST"); return try why(request, exchange)
        case "/api/schema": try allow(request, "GET", "HEAD"); return try schema(request, exchange)
        case "/api/log": try allow(request, "GET", "HEAD"); return try log(request)
        case "/api/stats": try allow(request, "GET", "HEAD"); return try stats(request)
        case "/api/years": try allow(request, "GET", "HEAD"); return try years(request)
        case "/api/export": try allow(request, "GET", "HEAD"); return try export(request, exchange)
        case "/api/examples": try allow(request, "GET", "HEAD"); return examplesResponse()
        case "/api/facts": try allow(request, "POST"); return try facts(request)
        default:
            if path.hasPrefix("/api/nodes/") { try allow(request, "GET", "HEAD"); return try node(request, id: String(path.dropFirst(11))) }
            if path.hasPrefix("/api/documents/") {
                try allow(request, "GET", "HEAD")
                return try document(request, name: String(path.dropFirst(15)))
            }
            throw HTTPError(.notFound, "no such resource: \(path); the API is under /api/ (see the README), the explorer at /")
        }
    }

    private func allow(_ request: HTTPRequest, _ methods: String...) throws(HTTPError) {
        guard methods.contains(request.method) else {
            throw HTTPError(.methodNotAllowed, "\(request.path) takes \(methods.joined(separator: ", ")), not \(request.method)")
        }
    }

    /// OPTIONS: the methods, and for the allowed origin the CORS preflight answer.
    private func preflight(_ request: HTTPRequest) -> HTTPResponse {
        var response = HTTPResponse(status: .noContent)
        response.setHeader("Allow", "GET, HEAD, POST, OPTIONS")
        if let origin = options.corsOrigin, request.headers["origin"] == origin {
            response.setHeader("Access-Control-Allow-Methods", "GET, HEAD, POST, OPTIONS")
            response.setHeader("Access-Control-Allow-Headers", "Content-Type, Authorization, If-None-Match")
            response.setHeader("Access-Control-Max-Age", "600")
        }
        return response
    }

    /// Headers every response carries: a strict Content-Security-Policy, no MIME
    /// sniffing, no framing, no referrer; CORS only for the configured origin.
    private func decorate(_ response: inout HTTPResponse, for request: HTTPRequest?) {
        if response.header("Content-Security-Policy") == nil {
            response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")
        }
        response.setHeader("X-Content-Type-Options", "nosniff")
        response.setHeader("X-Frame-Options", "DENY")
        response.setHeader("Referrer-Policy", "no-referrer")
        if response.header("Cache-Control") == nil { response.setHeader("Cache-Control", "no-cache") }
        if let origin = options.corsOrigin, let request, request.headers["origin"] == origin {
            response.setHeader("Access-Control-Allow-Origin", origin)
            response.setHeader("Access-Control-Expose-Headers", "ETag, X-WardGraph-Transaction")
            response.setHeader("Vary", "Origin")
        }
    }

    // MARK: - Helpers for the endpoints

    func json(_ status: HTTPStatus, _ value: JSONValue) -> HTTPResponse {
        var body = value.utf8Rendered()
        body.append(UInt8(ascii: "\n"))
        return HTTPResponse(status: status, headers: [("Content-Type", "application/json; charset=utf-8")], body: body)
    }

    /// A read at `snapshot`: 304 if the client has it (If-None-Match), else the cached
    /// answer for `key`, else `make()`'s, cached; each with its ETag, the transaction.
    func read(_ request: HTTPRequest, at tx: UInt64, key: String, cacheable: Bool = true, _ make: () throws(HTTPError) -> HTTPResponse) throws(HTTPError) -> HTTPResponse {
        let etag = "\"tx\(tx)\""
        if request.method == "GET" || request.method == "HEAD",
           let wanted = request.headers["if-none-match"],
           wanted.split(separator: ",").contains(where: { let tag = $0.trimmingCharacters(in: .whitespaces); return tag == etag || tag == "W/" + etag || tag == "*" }) {
            return tagged(HTTPResponse(status: .notModified), etag, tx)
        }
        let cacheKey = "\(tx) \(key)"
        if cacheable, let cached = cache.get(cacheKey) { return cached }
        let response = tagged(try make(), etag, tx)
        if cacheable && response.status == .ok { cache.put(cacheKey, response) }
        return response
    }

    private func tagged(_ response: HTTPResponse, _ etag: String, _ tx: UInt64) -> HTTPResponse {
        var response = response
        if response.status == .ok || response.status == .notModified { response.setHeader("ETag", etag) }
        response.setHeader("X-WardGraph-Transaction", String(tx))
        return response
    }

    /// Runs an evaluation under the concurrency limit; 503 when no slot came free in time.
    func evaluating<T>(_ body: () throws(HTTPError) -> T) throws(HTTPError) -> T {
        guard let result = try limiter.run(body) else {
            throw HTTPError(
                .serviceUnavailable,
                "\(limiter.maximum) queries are running, the most allowed at once, and none finished within \(String(format: "%g", limiter.patience)) s; try again shortly")
        }
        return result
    }

    /// The snapshot a request asks for with `as_of`, or the current one.
    func snapshot(asOf tx: Int64?) throws(HTTPError) -> GraphSnapshot {
        do { return try snapshots.snapshot(asOf: tx.map { UInt64($0) }) } catch {
            throw HTTPError(.notFound, "as_of \(tx ?? 0): \(error.message)")
        }
    }
}

extension HTTPError {
    /// An operation's error as an HTTP error: bad input 400, not found 404, conflict
    /// 409, a program not installed 501, a limit 422, anything else 500.
    init(_ error: OperationError) {
        let status: HTTPStatus
        switch error.kind {
        case .badInput: status = .badRequest
        case .notFound: status = .notFound
        case .conflict: status = .conflict
        case .notInstalled: status = .notImplemented
        case .stopped: status = .unprocessableContent
        case .failed: status = .internalServerError
        }
        self.init(status, error.message)
    }
}
