/// One request as the parser read it: the method, the target split into a decoded
/// path and query, the headers, and the body.
public struct HTTPRequest: Sendable {
    public let method: String
    /// The request target as sent (`/api/nodes/ward:%E6%B3%89%E5%8C%BA?x=1`): ASCII.
    public let target: String
    /// The target's path, percent-decoded (valid UTF-8): `/api/nodes/ward:泉区`.
    public let path: String
    /// The query's items in order, decoded (`+` is a space).
    public let query: [(name: String, value: String)]
    /// 0 for HTTP/1.0, 1 for HTTP/1.1.
    public let minorVersion: Int
    public let headers: HTTPHeaders
    public let body: [UInt8]

    public init(method: String, target: String, path: String, query: [(name: String, value: String)], minorVersion: Int, headers: HTTPHeaders, body: [UInt8]) {
        self.method = method
        self.target = target
        self.path = path
        self.query = query
        self.minorVersion = minorVersion
        self.headers = headers
        self.body = body
    }

    /// The last value of query item `name`.
    public func queryValue(_ name: String) -> String? {
        query.last { $0.name == name }?.value
    }

    /// Whether the client wants the connection kept open after the response:
    /// HTTP/1.1 unless `Connection: close`; HTTP/1.0 only with `Connection: keep-alive`.
    public var keepAlive: Bool {
        let tokens = headers.tokens("connection")
        if tokens.contains("close") { return false }
        return minorVersion >= 1 || tokens.contains("keep-alive")
    }

    /// The request line as an access log shows it.
    public var requestLine: String { "\(method) \(target) HTTP/1.\(minorVersion)" }
}

/// Header fields in the order received; names compare case-insensitively.
public struct HTTPHeaders: Sendable {
    public private(set) var fields: [(name: String, value: String)] = []

    public init(_ fields: [(name: String, value: String)] = []) {
        self.fields = fields.map { ($0.name.lowercased(), $0.value) }
    }

    mutating func add(_ name: String, _ value: String) {
        fields.append((name.lowercased(), value))
    }

    /// The values of every field named `name`.
    public func values(_ name: String) -> [String] {
        let key = name.lowercased()
        return fields.filter { $0.name == key }.map(\.value)
    }

    /// The single value of `name`, or nil.
    public subscript(name: String) -> String? {
        values(name).last
    }

    /// The comma-separated tokens of every field named `name`, lowercased.
    public func tokens(_ name: String) -> [String] {
        values(name).flatMap { $0.split(separator: ",") }.map { $0.trimmingWhitespace().lowercased() }
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}

/// A request the server cannot serve as sent: the status to answer and why, in a
/// sentence a client's developer can act on.
public struct HTTPError: Error, Sendable, Equatable, CustomStringConvertible {
    public let status: HTTPStatus
    public let message: String

    public init(_ status: HTTPStatus, _ message: String) {
        self.status = status
        self.message = message
    }

    public var description: String { "\(status): \(message)" }
}
