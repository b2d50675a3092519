import Application
import Foundation
import HTTPServer
import Querying
import WebService

/// `wardgraph serve`: the graph over HTTP, a JSON API and the explorer page.
enum ServeCommand {
    static let spec = CommandSpec(
        name: "serve",
        summary: "serve the graph over HTTP: a JSON API and the explorer page",
        usage: "[--bind ADDR] [--port N] [--token-file FILE | --read-only] [--allow-host NAME…]",
        details: """
        Serves the store on http://ADDR:PORT/ (default http://127.0.0.1:8750/): the
        explorer page at /, and the JSON API under /api/ (see the README). It prints
        its URL, writes one access-log line per request on standard error, sees what
        other processes append to the log within a second, and on SIGTERM or Ctrl-C
        finishes the requests in flight before it exits.

        It is read-only unless started with --token-file FILE: then POST /api/facts
        needs 'Authorization: Bearer' and the token in FILE. Binding an address other
        than loopback without a token is refused unless --read-only is given.

        Bound to loopback, it answers only requests that name it 127.0.0.1, localhost
        or [::1] with its port (others get 421: a page of another site may be trying
        to reach it through DNS rebinding). Behind a reverse proxy or a tunnel, name
        what the browser sends with --allow-host (e.g. wardgraph.example.org, or
        localhost:9000 for 'ssh -L 9000:localhost:8750').
        """,
        options: [
            .value("bind", "ADDR", "the address to listen on (default 127.0.0.1; 0.0.0.0 for all)"),
            .value("port", "N", "the port (default 8750; 0 picks a free one)"),
            .value("token-file", "FILE", "accept changes from clients that send the token in FILE"),
            .flag("read-only", "refuse every change (needed to bind a non-loopback address without a token)"),
            .value("cors", "ORIGIN", "let pages of ORIGIN (e.g. https://portal.example) call the API"),
            .value("allow-host", "NAME", "answer requests for NAME or NAME:PORT too (a reverse proxy's name); repeatable", repeatable: true),
            .value("max-connections", "N", "connections open at once (default 256); past it, 503"),
            .value("max-queries", "N", "queries evaluated at once (default twice the processors); past it, a query waits for a slot"),
            .value("queue-timeout", "SECONDS", "the time a query waits for a slot (default 1); past it, 503 with Retry-After"),
            .value("query-timeout", "SECONDS", "the time one query may take (default 10)"),
            .value("max-tuples", "N", "the tuples one query may derive (default 5,000,000)"),
            .value("max-header-bytes", "N", "the largest request head (default 16384)"),
            .value("max-body-bytes", "N", "the largest request body (default 1048576)"),
            .value("read-timeout", "SECONDS", "the time a request may take to arrive (default 10)"),
            .value("idle-timeout", "SECONDS", "the time a kept-alive connection may wait (default 30)"),
            SharedOptions.prelude, SharedOptions.noPrelude, SharedOptions.lexicon,
        ],
        positionals: 0...0,
        run: { arguments, context in try run(arguments, context) })

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        // SIGTERM and SIGINT are taken by sigwait below, so block them before any thread
        // starts (threads inherit the mask): a signal that comes early waits, pending,
        // instead of killing the process or being lost.
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGTERM)
        sigaddset(&signals, SIGINT)
        pthread_sigmask(SIG_BLOCK, &signals, nil)
        var server = HTTPServer.Configuration()
        server.host = arguments.value("bind") ?? "127.0.0.1"
        server.port = UInt16(try arguments.integer("port", atLeast: 0).map { min($0, 65535) } ?? 8750)
        if let n = try arguments.integer("max-connections", atLeast: 1) { server.maxConnections = n }
        if let n = try arguments.integer("max-header-bytes", atLeast: 1024) { server.requestLimits.maxHeaderBytes = n }
        if let n = try arguments.integer("max-body-bytes", atLeast: 0) { server.requestLimits.maxBodyBytes = n }
        if let seconds = try seconds(arguments, "read-timeout") { server.readTimeout = seconds }
        if let seconds = try seconds(arguments, "idle-timeout") { server.idleTimeout = seconds }
        server.allowedHosts = try arguments.values("allow-host").map { text in
            guard let name = HostPolicy.Name(parsing: text) else {
                throw UsageError("--allow-host takes a host name as a browser sends it, such as wardgraph.example.org or localhost:9000, not '\(text)'")
            }
            return name
        }
        server.allowedHostsHint = "; if it is meant to, start wardgraph serve with --allow-host NAME"

        var options = ServiceOptions()
        if let n = try arguments.integer("max-queries", atLeast: 1) { options.maxConcurrentQueries = n }
        if let n = try arguments.integer("max-tuples", atLeast: 1) { options.queryLimits.maxDerivedTuples = n }
        if let seconds = try seconds(arguments, "query-timeout") { options.queryLimits.timeout = seconds }
        if let seconds = try seconds(arguments, "queue-timeout") { options.queueTimeout = seconds }
        options.corsOrigin = arguments.value("cors")
        options.token = try token(arguments)
        guard options.token != nil || arguments.flag("read-only") || HTTPServer.isLoopback(server.host) else {
            throw UsageError("--bind \(server.host) would let anyone on the network reach the service: give --token-file FILE to guard changes, or --read-only to serve it read-only")
        }

        let workspace = try context.workspace(arguments, prelude: .expected(hint: ""))
        options.queriesDirectory = Prelude.locate(explicit: arguments.value("prelude"), storePath: context.storePath(arguments), environment: context.environment)
            .map { URL(fileURLWithPath: $0).deletingLastPathComponent().path }
        let service = GraphService(workspace: workspace, options: options)
        let http: HTTPServer
        do {
            http = try HTTPServer(configuration: server, errorResponder: service.errorResponse, handler: service.handle)
        } catch let error as HTTPError {
            throw CommandFailure(error.message)
        }
        signal(SIGPIPE, SIG_IGN)
        http.start()
        let host = server.host.contains(":") ? "[\(server.host)]" : server.host
        let mode = options.isReadOnly ? "read-only" : "changes need the token"
        context.out.line("wardgraph: serving \(workspace.storePath) at http://\(host):\(http.port)/ (\(mode); Ctrl-C to stop)")
        context.out.flush()
        context.err.flush()

        var received: Int32 = 0
        sigwait(&signals, &received)
        context.err.line("wardgraph: stopping (\(received == SIGINT ? "SIGINT" : "SIGTERM")): finishing the requests in flight")
        context.err.flush()
        let left = http.drain()
        service.stop()
        context.err.line(left == 0 ? "wardgraph: stopped" : "wardgraph: stopped with \(left) connection\(left == 1 ? "" : "s") cut short")
        return 0
    }

    private static func seconds(_ arguments: ParsedArguments, _ name: String) throws -> Double? {
        guard let text = arguments.value(name) else { return nil }
        guard let value = Double(text), value > 0, value <= 86_400 else {
            throw UsageError("--\(name) needs a positive number of seconds, not '\(text)'")
        }
        return value
    }

    /// The token of --token-file: its first line, at least 16 characters.
    private static func token(_ arguments: ParsedArguments) throws -> String? {
        guard let path = arguments.value("token-file") else { return nil }
        if arguments.flag("read-only") { throw UsageError("--token-file and --read-only contradict each other; give one") }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw CommandFailure("\(path): cannot read the token file")
        }
        let token = text.split(whereSeparator: \.isNewline).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        guard token.count >= 16 else {
            throw CommandFailure("\(path): the token must be at least 16 characters on the first line (e.g. from 'openssl rand -hex 24')")
        }
        return token
    }
}
