/// Reads HTTP/1.1 requests (RFC 9112) from bytes as they arrive: a pure state
/// machine, with no socket in sight, so that every malformed request can be tested
/// by handing it bytes.
///
///     var parser = RequestParser()
///     parser.append(bytes)
///     switch parser.next() {
///     case .request(let request): …       // a whole request; call next() again for a pipelined one
///     case .needMoreData: …               // read more, then append
///     case .continueExpected: …           // send "100 Continue", then read the body
///     case .failure(let error): …         // answer error.status and close
///     }
///
/// Strict where leniency lets requests be smuggled or misread: lines end in CRLF,
/// header names are tokens with no space before the colon, no obs-fold, one Host,
/// one Content-Length; a Transfer-Encoding (chunked bodies) is refused with 411.
/// Header and body sizes are limited before the bytes are buffered.
public struct RequestParser: Sendable {
    public struct Limits: Sendable {
        /// The request line and the header fields, in bytes.
        public var maxHeaderBytes = 16 * 1024
        public var maxBodyBytes = 1024 * 1024
        public var maxHeaderFields = 100

        public init(maxHeaderBytes: Int = 16 * 1024, maxBodyBytes: Int = 1024 * 1024) {
            self.maxHeaderBytes = maxHeaderBytes
            self.maxBodyBytes = maxBodyBytes
        }
    }

    public enum Event: Sendable {
        case request(HTTPRequest)
        case needMoreData
        /// The head asked for `Expect: 100-continue` and its body has not arrived.
        case continueExpected
        case failure(HTTPError)
    }

    /// A request whose head is read and whose body is awaited.
    private struct Head: Sendable {
        let method: String
        let target: String
        let path: String
        let query: [(name: String, value: String)]
        let minorVersion: Int
        let headers: HTTPHeaders
        let contentLength: Int
        var expectsContinue: Bool
    }

    private enum State: Sendable {
        case head
        case body(Head)
        case failed(HTTPError)
    }

    public let limits: Limits
    private var buffer: [UInt8] = []
    /// Where the unread bytes start in `buffer`.
    private var start = 0
    /// How far the search for the end of the head has looked.
    private var scanned = 0
    private var state = State.head

    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// Whether part of a request has arrived (so a timeout now cuts a request short,
    /// rather than ending an idle connection).
    public var isMidRequest: Bool {
        switch state {
        case .body: return true
        case .head: return buffer[start...].contains { $0 != 0x0D && $0 != 0x0A }
        case .failed: return false
        }
    }

    public mutating func append(_ bytes: some Collection<UInt8>) {
        if start > 0 && start >= buffer.count / 2 {
            buffer.removeSubrange(..<start)
            scanned -= start
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next event: a request, or what the reader must do.
    public mutating func next() -> Event {
        switch state {
        case .failed(let error):
            return .failure(error)
        case .head:
            switch readHead() {
            case .none: return .needMoreData
            case .failure(let error):
                state = .failed(error)
                return .failure(error)
            case .success(let head):
                state = .body(head)
                return next()
            }
        case .body(var head):
            let available = buffer.count - start
            guard available >= head.contentLength else {
                if head.expectsContinue {
                    head.expectsContinue = false
                    state = .body(head)
                    return .continueExpected
                }
                return .needMoreData
            }
            let body = Array(buffer[start..<start + head.contentLength])
            start += head.contentLength
            scanned = start
            state = .head
            return .request(HTTPRequest(
                method: head.method, target: head.target, path: head.path, query: head.query,
                minorVersion: head.minorVersion, headers: head.headers, body: body))
        }
    }

    // MARK: - The head

    /// Finds the end of the head (CRLF CRLF) and parses it; nil while incomplete.
    private mutating func readHead() -> Result<Head, HTTPError>? {
        // RFC 9112 §2.2: empty lines before the request line are ignored.
        while start + 1 < buffer.count, buffer[start] == 0x0D, buffer[start + 1] == 0x0A { start += 2 }
        scanned = max(scanned, start)
        var index = scanned
        while index < buffer.count {
            let byte = buffer[index]
            if byte == 0x0A {
                guard index > start, buffer[index - 1] == 0x0D else {
                    return .failure(HTTPError(.badRequest, "a line of the request ends in a bare LF; lines must end in CRLF"))
                }
                if index - start >= 3, buffer[index - 2] == 0x0A, buffer[index - 3] == 0x0D {
                    let head = buffer[start...index]
                    start = index + 1
                    scanned = start
                    return parseHead(head)
                }
            } else if byte == 0x0D, index + 1 < buffer.count, buffer[index + 1] != 0x0A {
                return .failure(HTTPError(.badRequest, "a bare CR in the request head; lines must end in CRLF"))
            }
            index += 1
            if index - start > limits.maxHeaderBytes {
                let lineEnd = buffer[start..<index].firstIndex(of: 0x0D)
                if lineEnd == nil || lineEnd! - start > limits.maxHeaderBytes {
                    return .failure(HTTPError(.uriTooLong, "the request line is longer than \(limits.maxHeaderBytes) bytes"))
                }
                return .failure(HTTPError(.headerFieldsTooLarge, "the request head is larger than \(limits.maxHeaderBytes) bytes"))
            }
        }
        scanned = index
        return nil
    }

    private func parseHead(_ bytes: ArraySlice<UInt8>) -> Result<Head, HTTPError> {
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { $0.dropLast() }  // drop CR
        lines.removeLast(2)  // the empty line and what follows the last LF
        guard let requestLine = lines.first else { return .failure(HTTPError(.badRequest, "the request line is missing")) }
        let parts = requestLine.split(separator: 0x20, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty else {
            return .failure(HTTPError(.badRequest, "malformed request line; expected METHOD TARGET HTTP/1.1, separated by single spaces"))
        }
        guard parts[0].allSatisfy(Self.isTokenByte) else {
            return .failure(HTTPError(.badRequest, "the method is not a token: only letters, digits and !#$%&'*+-.^_`|~ are allowed"))
        }
        let method = String(decoding: parts[0], as: UTF8.self)
        let minorVersion: Int
        switch Array(parts[2]) {
        case Array("HTTP/1.1".utf8): minorVersion = 1
        case Array("HTTP/1.0".utf8): minorVersion = 0
        case let version where version.count == 8 && version.starts(with: Array("HTTP/".utf8))
            && Self.isDigit(version[5]) && version[6] == UInt8(ascii: ".") && Self.isDigit(version[7]):
            return .failure(HTTPError(.versionNotSupported, "only HTTP/1.1 and HTTP/1.0 are served, not \(String(decoding: version, as: UTF8.self))"))
        default:
            return .failure(HTTPError(.badRequest, "malformed HTTP version; expected HTTP/1.1"))
        }
        let target: (raw: String, path: String, query: [(name: String, value: String)])
        switch Self.parseTarget(parts[1], method: method) {
        case .success(let parsed): target = parsed
        case .failure(let error): return .failure(error)
        }

        var headers = HTTPHeaders()
        for line in lines.dropFirst() {
            guard headers.fields.count < limits.maxHeaderFields else {
                return .failure(HTTPError(.headerFieldsTooLarge, "more than \(limits.maxHeaderFields) header fields"))
            }
            guard let first = line.first, first != 0x20, first != 0x09 else {
                return .failure(HTTPError(.badRequest, "a header line starts with white space (obsolete line folding is not accepted)"))
            }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
                return .failure(HTTPError(.badRequest, "a header line has no ':'"))
            }
            let name = line[line.startIndex..<colon]
            guard !name.isEmpty, name.allSatisfy(Self.isTokenByte) else {
                return .failure(HTTPError(.badRequest, "a header name is empty or not a token (no spaces before the ':')"))
            }
            let valueBytes = line[(colon + 1)...]
            if valueBytes.contains(where: { ($0 < 0x20 && $0 != 0x09) || $0 == 0x7F }) {
                return .failure(HTTPError(.badRequest, "the header \(String(decoding: name, as: UTF8.self)) has a control character in its value"))
            }
            guard let value = String(validating: valueBytes, as: UTF8.self) else {
                return .failure(HTTPError(.badRequest, "the header \(String(decoding: name, as: UTF8.self)) is not valid UTF-8"))
            }
            headers.add(String(decoding: name, as: UTF8.self), value.trimmingWhitespace())
        }

        if minorVersion == 1 {
            let hosts = headers.values("host")
            guard hosts.count == 1 else {
                return .failure(HTTPError(.badRequest, hosts.isEmpty ? "an HTTP/1.1 request needs a Host header" : "more than one Host header"))
            }
        }
        if !headers.values("transfer-encoding").isEmpty {
            return .failure(HTTPError(.lengthRequired, "request bodies with Transfer-Encoding (chunked) are not accepted; send the body with a Content-Length"))
        }
        var contentLength = 0
        let lengths = headers.values("content-length").flatMap { $0.split(separator: ",").map { $0.trimmingWhitespace() } }
        if let first = lengths.first {
            guard lengths.allSatisfy({ $0 == first }) else {
                return .failure(HTTPError(.badRequest, "Content-Length is given more than once with different values"))
            }
            guard !first.isEmpty, first.utf8.count <= 18, first.utf8.allSatisfy(Self.isDigit), let length = Int(first) else {
                return .failure(HTTPError(.badRequest, "Content-Length is not a whole number: '\(first)'"))
            }
            guard length <= limits.maxBodyBytes else {
                return .failure(HTTPError(.contentTooLarge, "the body of \(length) bytes is larger than the limit of \(limits.maxBodyBytes) bytes"))
            }
            contentLength = length
        }
        var expectsContinue = false
        if let expect = headers["expect"] {
            guard expect.lowercased() == "100-continue" else {
                return .failure(HTTPError(.expectationFailed, "only 'Expect: 100-continue' is understood, not '\(expect)'"))
            }
            expectsContinue = minorVersion >= 1 && contentLength > 0
        }
        return .success(Head(
            method: method, target: target.raw, path: target.path, query: target.query, minorVersion: minorVersion,
            headers: headers, contentLength: contentLength, expectsContinue: expectsContinue))
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// tchar of RFC 9110 §5.6.2.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return true
        default: return Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
    }
}
