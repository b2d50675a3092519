import Dispatch
import Foundation

/// One client's connection, on its own thread: read bytes into the parser, answer
/// each whole request, and close on `Connection: close`, a malformed request, a
/// timeout, the client's hang-up, or a drain.
final class Connection: @unchecked Sendable {
    let fd: Int32
    let peer: String
    let server: HTTPServer

    init(fd: Int32, peer: String, server: HTTPServer) {
        self.fd = fd
        self.peer = peer
        self.server = server
    }

    func run() {
        let configuration = server.configuration
        var parser = RequestParser(limits: configuration.requestLimits)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)
        defer {
            buffer.deallocate()
            Socket.close(fd)
            server.connectionEnded()
        }
        var lastActivity = Self.now()
        var requestStarted: Double?
        while true {
            switch parser.next() {
            case .request(let request):
                let keepAlive = request.keepAlive && !server.isDraining
                guard answer(request, keepAlive: keepAlive, started: requestStarted ?? Self.now()), keepAlive else { return }
                lastActivity = Self.now()
                requestStarted = parser.isMidRequest ? lastActivity : nil
                continue
            case .continueExpected:
                guard Socket.sendAll(fd, Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)) else { return }
                continue
            case .failure(let error):
                refuse(error, started: requestStarted ?? Self.now())
                return
            case .needMoreData:
                break
            }
            let now: Double
            switch Socket.receive(fd, into: buffer) {
            case .bytes(let count):
                parser.append(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
                now = Self.now()
                lastActivity = now
                if requestStarted == nil && parser.isMidRequest { requestStarted = now }
            case .closed:
                return
            case .timeout:
                now = Self.now()
                if requestStarted == nil && (server.isDraining || now - lastActivity > configuration.idleTimeout) { return }
            }
            // A request trickling in byte by byte never lets a read time out: the
            // deadline is measured from its first byte, whatever arrives.
            if let started = requestStarted, now - started > configuration.readTimeout {
                refuse(HTTPError(.requestTimeout, "the request did not arrive whole within \(Self.seconds(configuration.readTimeout))"), started: started)
                return
            }
        }
    }

    /// Hands the request to the handler (unless it names another host) and writes its
    /// response; false if the write failed.
    private func answer(_ request: HTTPRequest, keepAlive: Bool, started: Double) -> Bool {
        let response: HTTPResponse
        if let refusal = server.hostPolicy.refusal(for: request) {
            response = server.errorResponder(refusal)
        } else {
            response = server.handler(request, Exchange(peer: peer, fd: fd, watcher: server.watcher))
        }
        let bytes = response.serialized(keepAlive: keepAlive, head: request.method == "HEAD", date: HTTPDate.shared.now())
        let written = Socket.sendAll(fd, bytes)
        server.accessLog?.record(
            peer: peer, requestLine: request.requestLine, status: response.status.code, bytes: response.body.count,
            seconds: Self.now() - started)
        return written
    }

    /// Answers a request the server will not serve, and closes the connection.
    private func refuse(_ error: HTTPError, started: Double) {
        let response = server.errorResponder(error)
        Socket.sendAll(fd, response.serialized(keepAlive: false, date: HTTPDate.shared.now()))
        server.accessLog?.record(peer: peer, requestLine: nil, status: response.status.code, bytes: response.body.count, seconds: Self.now() - started)
        lingeringClose()
    }

    /// Closing a socket with unread bytes resets the connection, and the client may
    /// lose the answer it has not read yet. So: end our side, then read and drop what
    /// the client still sends, for at most a second and a megabyte.
    private func lingeringClose() {
        Socket.shutdownWriting(fd)
        let deadline = Self.now() + 1
        var discarded = 0
        var scratch = [UInt8](repeating: 0, count: 16 * 1024)
        while Self.now() < deadline && discarded < 1 << 20 {
            let received = scratch.withUnsafeMutableBytes { Socket.receive(fd, into: $0) }
            guard case .bytes(let count) = received else {
                if case .closed = received { return }
                continue
            }
            discarded += count
        }
    }

    static func now() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}
