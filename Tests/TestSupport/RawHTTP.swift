import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// HTTP over a raw TCP socket, for tests that must send exactly the bytes they mean
/// (malformed requests, slow clients, early closes) and read exactly what comes back.
///
///     let connection = try RawHTTP.Connection(port: port)
///     try connection.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
///     let response = try connection.readResponse()
///     #expect(response.status == 200)
public enum RawHTTP {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
        public init(description: String) { self.description = description }
    }

    /// One response: status, headers (names lowercased), body.
    public struct Response: Sendable {
        public let status: Int
        public let headers: [String: String]
        public let body: [UInt8]

        public var text: String { String(decoding: body, as: UTF8.self) }

        /// The body parsed as a JSON object (via Foundation), or nil.
        public var json: [String: Any]? {
            (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
        }
    }

    public final class Connection: @unchecked Sendable {
        public let fd: Int32
        private var pending: [UInt8] = []

        /// Connects to 127.0.0.1:`port`; reads time out after `timeout` seconds.
        public init(port: UInt16, timeout: Double = 10) throws {
            fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard fd >= 0 else { throw Failure(description: "socket: \(errno)") }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard result == 0 else {
                let code = errno
                Glibc.close(fd)
                throw Failure(description: "connect to port \(port): errno \(code)")
            }
            var interval = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - Double(Int(timeout))) * 1_000_000))
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &interval, socklen_t(MemoryLayout<timeval>.size))
        }

        deinit { Glibc.close(fd) }

        public func send(_ text: String) throws {
            try send(Array(text.utf8))
        }

        public func send(_ bytes: [UInt8]) throws {
            var sent = 0
            while sent < bytes.count {
                let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL)) }
                guard n > 0 else { throw Failure(description: "send: errno \(errno)") }
                sent += n
            }
        }

        /// Ends the sending side (the server sees end of input) but keeps reading.
        public func shutdownWriting() {
            Glibc.shutdown(fd, Int32(SHUT_WR))
        }

        /// Reads one response whose body has a Content-Length (or none: for 1xx, 204,
        /// 304, and the answer to a HEAD request, `toHead`).
        public func readResponse(toHead: Bool = false) throws -> Response {
            while true {
                if let end = headEnd() {
                    let head = String(decoding: pending[..<end], as: UTF8.self)
                    var lines = head.components(separatedBy: "\r\n")
                    let statusLine = lines.removeFirst().split(separator: " ")
                    guard statusLine.count >= 2, let status = Int(statusLine[1]) else { throw Failure(description: "bad status line in \(head)") }
                    var headers: [String: String] = [:]
                    for line in lines where !line.isEmpty {
                        guard let colon = line.firstIndex(of: ":") else { continue }
                        headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                    }
                    let length = toHead || [204, 304].contains(status) ? 0 : Int(headers["content-length"] ?? "0") ?? 0
                    while pending.count < end + 4 + length {
                        guard try receive() else { throw Failure(description: "the connection closed in the middle of a body") }
                    }
                    let body = Array(pending[(end + 4)..<(end + 4 + length)])
                    pending.removeFirst(end + 4 + length)
                    if (100..<200).contains(status) { continue }
                    return Response(status: status, headers: headers, body: body)
                }
                guard try receive() else { throw Failure(description: "the connection closed before a response (\(pending.count) bytes read)") }
            }
        }

        /// Whether the server has closed the connection (reads end of input) within `timeout`.
        public func isClosed() -> Bool {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let n = recv(fd, &buffer, buffer.count, 0)
                if n > 0 { continue }
                return n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK)
            }
        }

        private func headEnd() -> Int? {
            guard pending.count >= 4 else { return nil }
            for i in 0...(pending.count - 4) where pending[i] == 13 && pending[i + 1] == 10 && pending[i + 2] == 13 && pending[i + 3] == 10 {
                return i
            }
            return nil
        }

        private func receive() throws -> Bool {
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            let n = recv(fd, &buffer, buffer.count, 0)
            if n > 0 {
                pending.append(contentsOf: buffer[0..<n])
                return true
            }
            if n == 0 { return false }
            if errno == EAGAIN || errno == EWOULDBLOCK { throw Failure(description: "no response within the read timeout") }
            return false
        }
    }

    /// One request on a fresh connection: `GET` without a body, `POST` with a JSON text.
    public static func request(
        port: UInt16, _ method: String, _ target: String, body: String? = nil, headers: [String: String] = [:]
    ) throws -> Response {
        let connection = try Connection(port: port)
        // The server's own name unless the test gives another.
        let host = headers.first { $0.key.lowercased() == "host" }?.value ?? "127.0.0.1:\(port)"
        var head = "\(method) \(target) HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n"
        for (name, value) in headers where name.lowercased() != "host" { head += "\(name): \(value)\r\n" }
        if let body {
            if headers["Content-Type"] == nil { head += "Content-Type: application/json\r\n" }
            head += "Content-Length: \(body.utf8.count)\r\n"
        }
        try connection.send(head + "\r\n" + (body ?? ""))
        return try connection.readResponse()
    }

    /// A path with every character outside unreserved ASCII percent-encoded.
    public static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        allowed.insert(charactersIn: "-._~/:")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
