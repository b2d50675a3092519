import Dispatch
import Foundation

/// An HTTP/1.1 server over POSIX sockets: a thread accepts connections and gives
/// each its own thread, which reads requests with `RequestParser`, hands them to the
/// handler and writes the responses, keeping the connection alive between requests.
/// It knows nothing of what it serves.
///
/// Limits, each from `Configuration`: the size of a request head and body (in the
/// parser), how long a request may take to arrive (slow clients get 408), how long
/// a kept-alive connection may sit idle, how long a write may block, and how many
/// connections may be open (past that, 503 with Retry-After at once). Bound to
/// loopback, it answers only requests that name it by its own names (`HostPolicy`,
/// against DNS rebinding), and those of `allowedHosts`. `drain()`
/// stops accepting, lets the requests in flight finish, closes idle connections,
/// and returns when all are done.
public final class HTTPServer: @unchecked Sendable {
    public struct Configuration: Sendable {
        public var host = "127.0.0.1"
        /// 0 picks a free port; `HTTPServer.port` tells which.
        public var port: UInt16 = 8750
        public var requestLimits = RequestParser.Limits()
        /// Seconds a request may take to arrive whole, from its first byte.
        public var readTimeout = 10.0
        /// Seconds a kept-alive connection may wait for its next request.
        public var idleTimeout = 30.0
        /// Seconds one write may block on a client that does not read.
        public var writeTimeout = 10.0
        public var maxConnections = 256
        /// Seconds `drain()` waits for requests in flight before it gives up on them.
        public var drainTimeout = 30.0
        /// How often a blocked read wakes to look at its deadlines and at a drain.
        public var tick = 0.25
        /// Names requests may give in `Host` besides the server's own (a reverse
        /// proxy's); on a non-loopback address, the only ones, if any are given.
        public var allowedHosts: [HostPolicy.Name] = []
        /// What a refusal for an unknown `Host` adds: how to allow another name.
        public var allowedHostsHint = ""

        public init() {}
    }

    /// Answers one request. Called on the connection's thread; must not throw or trap.
    public typealias Handler = @Sendable (HTTPRequest, Exchange) -> HTTPResponse
    /// The response for a request the server refuses itself (malformed, too large,
    /// too slow, too many connections), so that it looks like the handler's errors.
    public typealias ErrorResponder = @Sendable (HTTPError) -> HTTPResponse

    public let configuration: Configuration
    /// The port listened on (the one chosen when configured with 0).
    public let port: UInt16
    /// Which names requests may give in `Host`.
    public let hostPolicy: HostPolicy
    let handler: Handler
    let errorResponder: ErrorResponder
    let accessLog: AccessLog?
    let watcher = DisconnectWatcher()
    private let listener: Int32
    private let lock = NSLock()
    private var connections = 0
    private var draining = false
    private var accepting: Thread?

    /// Binds and listens at once, so that a port in use is an error here, not later.
    public init(
        configuration: Configuration, accessLog: AccessLog? = AccessLog(),
        errorResponder: @escaping ErrorResponder = HTTPServer.plainError, handler: @escaping Handler
    ) throws {
        self.configuration = configuration
        self.handler = handler
        self.errorResponder = errorResponder
        self.accessLog = accessLog
        do {
            (listener, port) = try Socket.listen(host: configuration.host, port: configuration.port, backlog: 1024)
            Socket.setNonBlocking(listener)  // the accept loop polls, so that a drain is noticed
        } catch {
            throw HTTPError(.internalServerError, error.description)
        }
        hostPolicy = HostPolicy(bind: configuration.host, port: port, allowed: configuration.allowedHosts, hint: configuration.allowedHostsHint)
    }

    /// A plain-text error body.
    public static func plainError(_ error: HTTPError) -> HTTPResponse {
        HTTPResponse(status: error.status, contentType: "text/plain; charset=utf-8", text: error.message + "\n")
    }

    /// Whether `host` is a loopback address, for deciding what a bind exposes.
    public static func isLoopback(_ host: String) -> Bool {
        Socket.isLoopback(host)
    }

    /// Starts accepting connections on a thread of its own.
    public func start() {
        let thread = Thread { [self] in self.acceptLoop() }
        thread.name = "accept"
        accepting = thread
        thread.start()
    }

    public var activeConnections: Int {
        lock.lock()
        defer { lock.unlock() }
        return connections
    }

    var isDraining: Bool {
        lock.lock()
        defer { lock.unlock() }
        return draining
    }

    /// Stops accepting, lets requests in flight finish (their responses say
    /// `Connection: close`), closes idle connections, and returns when none is left
    /// or `drainTimeout` has passed; the number of connections still open then.
    /// Connections the kernel had already accepted (a client that connected and sent
    /// its request just before) are still served.
    @discardableResult
    public func drain() -> Int {
        lock.lock()
        draining = true
        lock.unlock()
        let deadline = Date().addingTimeInterval(configuration.drainTimeout)
        while (accepting?.isFinished == false || activeConnections > 0) && Date() < deadline { usleep(10_000) }
        accessLog?.flush()
        return activeConnections
    }

    /// Accepts connections until a drain; then takes those already waiting in the
    /// backlog (without blocking) and closes the listener.
    private func acceptLoop() {
        while !isDraining {
            guard Socket.waitReadable(listener, milliseconds: 100) else { continue }
            while let (fd, peer) = Socket.accept(listener) { admit(fd, peer) }
        }
        while let (fd, peer) = Socket.accept(listener) { admit(fd, peer) }
        Socket.close(listener)
    }

    /// Gives a new connection its thread, or refuses it past the connection limit.
    private func admit(_ fd: Int32, _ peer: String) {
        lock.lock()
        let full = connections >= configuration.maxConnections
        if !full { connections += 1 }
        lock.unlock()
        if full {
            refuse(fd, peer)
            return
        }
        Socket.configure(fd, readTick: configuration.tick, writeTimeout: configuration.writeTimeout)
        let connection = Connection(fd: fd, peer: peer, server: self)
        let thread = Thread { connection.run() }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Past the connection limit: 503 at once, without reading the request.
    private func refuse(_ fd: Int32, _ peer: String) {
        Socket.configure(fd, readTick: 0.1, writeTimeout: 0.1)
        var response = errorResponder(HTTPError(
            .serviceUnavailable, "the server has \(configuration.maxConnections) connections open, its limit; try again shortly"))
        response.setHeader("Retry-After", "1")
        Socket.sendAll(fd, response.serialized(keepAlive: false, date: HTTPDate.shared.now()))
        accessLog?.record(peer: peer, requestLine: nil, status: 503, bytes: response.body.count, seconds: 0)
        Socket.shutdownBoth(fd)
        Socket.close(fd)
    }

    func connectionEnded() {
        lock.lock()
        connections -= 1
        lock.unlock()
    }
}

/// What a handler knows of its exchange besides the request: who asked, and a way
/// to stop work when they hang up.
public final class Exchange: @unchecked Sendable {
    public let peer: String
    let fd: Int32
    let watcher: DisconnectWatcher

    init(peer: String, fd: Int32, watcher: DisconnectWatcher) {
        self.peer = peer
        self.fd = fd
        self.watcher = watcher
    }

    /// Runs `body`; if the client hangs up before it returns, calls `onDisconnect`
    /// (from another thread), e.g. to cancel a query.
    public func cancelling<T>(onDisconnect: @escaping @Sendable () -> Void, _ body: () throws -> T) rethrows -> T {
        watcher.watch(fd, onDisconnect)
        defer { watcher.unwatch(fd) }
        return try body()
    }
}
