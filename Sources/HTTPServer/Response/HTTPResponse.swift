/// A response: status, header fields and body. The server adds Date, Content-Length
/// and Connection when it writes it.
public struct HTTPResponse: Sendable {
    public var status: HTTPStatus
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(status: HTTPStatus, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A body of UTF-8 text with its media type.
    public init(status: HTTPStatus, contentType: String, text: String) {
        self.init(status: status, headers: [("Content-Type", contentType)], body: Array(text.utf8))
    }

    public func header(_ name: String) -> String? {
        let key = name.lowercased()
        return headers.last { $0.name.lowercased() == key }?.value
    }

    public mutating func setHeader(_ name: String, _ value: String) {
        let key = name.lowercased()
        headers.removeAll { $0.name.lowercased() == key }
        headers.append((name, value))
    }

    /// The bytes on the wire. `head` leaves the body out (for HEAD requests) but keeps
    /// its Content-Length; responses that may have no body (1xx, 204, 304) get none.
    public func serialized(keepAlive: Bool, head: Bool = false, date: String) -> [UInt8] {
        var text = "HTTP/1.1 \(status.code) \(status.reason)\r\nDate: \(date)\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        let bodyless = status.code == 204 || status.code == 304 || (100..<200).contains(status.code)
        if !bodyless { text += "Content-Length: \(body.count)\r\n" }
        text += keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n"
        var bytes = Array(text.utf8)
        if !head && !bodyless { bytes.append(contentsOf: body) }
        return bytes
    }
}
