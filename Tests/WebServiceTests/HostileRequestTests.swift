import Foundation
import HTTPServer
import Testing
import TestSupport
import WebService

/// Malformed and hostile requests over raw sockets: each gets a clear status and
/// message, and the server goes on serving others.
@Suite struct HostileRequestTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let bytes: [UInt8]
        let status: Int
        /// Words the response body must contain.
        let words: String

        init(_ name: String, _ text: String, _ status: Int, _ words: String = "") {
            self.init(name, Array(text.utf8), status, words)
        }

        init(_ name: String, _ bytes: [UInt8], _ status: Int, _ words: String = "") {
            self.name = name
            self.bytes = bytes
            self.status = status
            self.words = words
        }

        var testDescription: String { name }

        static func post(_ name: String, _ path: String, body: [UInt8], type: String = "application/json", _ status: Int, _ words: String) -> Case {
            Case(name, Array("POST \(path) HTTP/1.1\r\nHost: h\r\nContent-Type: \(type)\r\nContent-Length: \(body.count)\r\n\r\n".utf8) + body, status, words)
        }

        static func post(_ name: String, _ path: String, json: String, _ status: Int, _ words: String) -> Case {
            post(name, path, body: Array(json.utf8), status, words)
        }
    }

    static let cases: [Case] = [
        Case("bad request line", "GARBAGE\r\n\r\n", 400, "malformed request line"),
        Case("four parts in the request line", "GET / HTTP/1.1 extra\r\nHost: h\r\n\r\n", 400, "malformed request line"),
        Case("unknown method", "BREW /api/stats HTTP/1.1\r\nHost: h\r\n\r\n", 405, "takes GET, HEAD, not BREW"),
        Case("lowercase method", "get /healthz HTTP/1.1\r\nHost: h\r\n\r\n", 405, "not get"),
        Case("method that is not a token", "GE(T / HTTP/1.1\r\nHost: h\r\n\r\n", 400, "not a token"),
        Case("unsupported HTTP version", "GET / HTTP/2.0\r\nHost: h\r\n\r\n", 505, "only HTTP/1.1"),
        Case("malformed HTTP version", "GET / HTTP/1.1x\r\nHost: h\r\n\r\n", 400, "malformed HTTP version"),
        Case("header too large", "GET / HTTP/1.1\r\nHost: h\r\nX-Big: \(String(repeating: "a", count: 20_000))\r\n\r\n", 431, "larger than 16384 bytes"),
        Case("request line too long", "GET /\(String(repeating: "a", count: 20_000)) HTTP/1.1\r\nHost: h\r\n\r\n", 414, "request line is longer"),
        Case("too many header fields", "GET / HTTP/1.1\r\nHost: h\r\n" + String(repeating: "X-A: b\r\n", count: 150) + "\r\n", 431, "more than 100 header fields"),
        Case("body too large", "POST /api/query HTTP/1.1\r\nHost: h\r\nContent-Length: 2000000\r\n\r\n{", 413, "larger than the limit of 1048576 bytes"),
        Case("chunked body", "POST /api/query HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", 411, "Content-Length"),
        Case("Content-Length not a number", "POST /api/query HTTP/1.1\r\nHost: h\r\nContent-Length: abc\r\n\r\n", 400, "not a whole number"),
        Case("two different Content-Lengths", "POST /api/query HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}", 400, "different values"),
        Case("no Host", "GET /healthz HTTP/1.1\r\n\r\n", 400, "needs a Host header"),
        Case("two Hosts", "GET /healthz HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400, "more than one Host"),
        Case("bare LF line endings", "GET /healthz HTTP/1.1\nHost: h\n\n", 400, "bare LF"),
        Case("obsolete line folding", "GET /healthz HTTP/1.1\r\nHost: h\r\nX-A: b\r\n  c\r\n\r\n", 400, "line folding"),
        Case("space before the colon", "GET /healthz HTTP/1.1\r\nHost : h\r\n\r\n", 400, "not a token"),
        Case("control character in a header", "GET /healthz HTTP/1.1\r\nHost: h\r\nX-A: b\u{7F}c\r\n\r\n", 400, "control character"),
        Case("invalid UTF-8 in a header", Array("GET /healthz HTTP/1.1\r\nHost: h\r\nX-A: ".utf8) + [0xFF, 0xFE] + Array("\r\n\r\n".utf8), 400, "not valid UTF-8"),
        Case("bad percent escape in the path", "GET /api/nodes/ward:%E6%B3%8 HTTP/1.1\r\nHost: h\r\n\r\n", 400, "percent-encoding"),
        Case("invalid UTF-8 in the path", "GET /api/nodes/%FF%FE HTTP/1.1\r\nHost: h\r\n\r\n", 400, "invalid UTF-8"),
        Case("NUL in the path", "GET /api/documents/izumi-r7.txt%00.png HTTP/1.1\r\nHost: h\r\n\r\n", 400, "NUL"),
        Case("raw non-ASCII in the target", Array("GET /api/nodes/ward:".utf8) + Array("泉区".utf8) + Array(" HTTP/1.1\r\nHost: h\r\n\r\n".utf8), 400, "percent-encoded"),
        Case("invalid UTF-8 in the query", "GET /api/query?q=%E6%B3 HTTP/1.1\r\nHost: h\r\n\r\n", 400, "invalid UTF-8"),
        Case("unknown Expect", "POST /api/query HTTP/1.1\r\nHost: h\r\nExpect: tea\r\nContent-Length: 2\r\n\r\n{}", 417, "100-continue"),
        Case("path traversal to a document", "GET /api/documents/..%2F..%2Fetc%2Fpasswd HTTP/1.1\r\nHost: h\r\n\r\n", 400, "not a document name"),
        Case("unknown path", "GET /etc/passwd HTTP/1.1\r\nHost: h\r\n\r\n", 404, "no such resource"),
        Case("POST to a read", "POST /api/stats HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\n\r\n", 405, "takes GET, HEAD"),
        .post("bad JSON", "/api/query", json: #"{"program": "?- ward(W).",}"#, 400, "the body is not JSON: expected a key"),
        .post("invalid UTF-8 in the body", "/api/query", body: Array(#"{"program": "?- ward("#.utf8) + [0xE6, 0xB3] + Array(#")."}"#.utf8), 400, "not valid UTF-8"),
        .post("a JSON array for a body", "/api/query", json: "[1, 2]", 400, "must be a JSON object, not an array"),
        .post("JSON nested too deep", "/api/query", json: String(repeating: "[", count: 5000), 400, "nested more than 64 deep"),
        .post("unknown field", "/api/query", json: #"{"programme": "?- ward(W)."}"#, 400, "unknown field 'programme'"),
        .post("a number for the program", "/api/query", json: #"{"program": 42}"#, 400, "'program' must be a string, not a number"),
        .post("an empty body", "/api/query", json: "", 400, "the body is empty"),
        .post("a parameter of the wrong type", "/api/query", json: #"{"program": "?- ward($w).", "params": {"w": [1]}}"#, 400, "must be a string or a whole number"),
        .post("a negative limit", "/api/query", json: #"{"program": "?- ward(W).", "limit": -1}"#, 400, "'limit' must be a whole number of at least 0"),
        .post("an as_of past the log", "/api/query", json: #"{"program": "?- ward(W).", "as_of": 999}"#, 404, "there is no transaction 999"),
        .post("XML", "/api/query", body: Array("<q/>".utf8), type: "application/xml", 415, "application/json"),
        .post("a write to a read-only service", "/api/facts", json: #"{"statements": ["+label(\"ward:泉区\", \"x\")."], "author": "x"}"#, 403, "read-only"),
        .post("a query that never ends", "/api/query", json: #"{"program": "n(0). n(X) :- n(Y), X = Y + 1. ?- n(X)."}"#, 422, "evaluation stopped"),
    ]

    /// One server for the table, with a short read timeout and small query limits.
    static let shared: TestService = {
        var options = ServiceOptions()
        options.queryLimits.maxDerivedTuples = 100_000
        options.queryLimits.timeout = 5
        return try! TestService(options: options) { $0.readTimeout = 1 }
    }()

    @Test(arguments: cases)
    func eachGetsItsStatusAndTheServerGoesOn(_ test: Case) throws {
        let service = Self.shared
        let connection = try RawHTTP.Connection(port: service.port)
        try connection.send(test.bytes)
        let response = try connection.readResponse()
        #expect(response.status == test.status)
        #expect(response.text.contains(test.words), "\(response.text)")
        #expect(response.headers["content-type"] == "application/json; charset=utf-8")
        #expect(try service.get("/healthz").status == 200)
    }

    @Test func casesAreMany() {
        #expect(Self.cases.count >= 30)
    }

    @Test func aSlowClientGets408() throws {
        let service = Self.shared
        let connection = try RawHTTP.Connection(port: service.port)
        let started = Date()
        // A byte every 100 ms: the head would take 3 s, the read timeout is 1 s.
        let sender = Thread {
            for byte in "GET /healthz HTTP/1.1\r\nHost: h\r\n\r\n".utf8 {
                guard (try? connection.send([byte])) != nil else { return }
                usleep(100_000)
            }
        }
        sender.start()
        let response = try connection.readResponse()
        #expect(response.status == 408)
        #expect(response.text.contains("did not arrive whole within 1 s"))
        #expect(Date().timeIntervalSince(started) < 2)
    }

    @Test func earlyClosesAreShruggedOff() throws {
        let service = Self.shared
        for partial in ["GET /healthz HT", "POST /api/query HTTP/1.1\r\nHost: h\r\nContent-Length: 100\r\n\r\n{\"prog", ""] {
            let connection = try RawHTTP.Connection(port: service.port)
            try connection.send(partial)
        }
        // A client that asks and hangs up before the answer.
        let asker = try RawHTTP.Connection(port: service.port)
        try asker.send("POST /api/query HTTP/1.1\r\nHost: h\r\nContent-Length: 26\r\n\r\n{\"program\": \"?- ward(W).\"}")
        asker.shutdownWriting()
        #expect(try service.get("/healthz").status == 200)
    }

    @Test func aMalformedRequestClosesTheConnectionAndWhatFollowsIsIgnored() throws {
        let service = Self.shared
        let connection = try RawHTTP.Connection(port: service.port)
        try connection.send("GARBAGE\r\n\r\nGET /healthz HTTP/1.1\r\nHost: h\r\n\r\n")
        #expect(try connection.readResponse().status == 400)
        #expect(connection.isClosed())
    }

    @Test func aThousandConnectionsOpenedAndDropped() throws {
        let service = try TestService { $0.maxConnections = 64 }
        for wave in 0..<10 {
            var connections: [RawHTTP.Connection] = []
            for index in 0..<100 {
                let connection = try RawHTTP.Connection(port: service.port)
                // Some say a little first; all go away without waiting for an answer.
                if index % 3 == 1 { try? connection.send("GET /api/stats HTTP/1.1\r\nHo") }
                if index % 3 == 2 { try? connection.send("POST /api/query HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\n{") }
                connections.append(connection)
            }
            connections.removeAll()  // closes them all
            // Once the server has taken and let go of them (a busy machine may take a
            // moment, answering 503 with Retry-After meanwhile), it serves again.
            let deadline = Date().addingTimeInterval(10)
            var status = try service.get("/healthz").status
            while status == 503 && Date() < deadline {
                usleep(100_000)
                status = try service.get("/healthz").status
            }
            #expect(status == 200, "after wave \(wave)")
        }
        // Every dropped connection is let go.
        let deadline = Date().addingTimeInterval(5)
        while service.server.activeConnections > 0 && Date() < deadline { usleep(20_000) }
        #expect(service.server.activeConnections == 0)
    }

    @Test func pastTheConnectionLimitItAnswers503WithRetryAfter() throws {
        let service = try TestService { $0.maxConnections = 4 }
        var held: [RawHTTP.Connection] = []
        for _ in 0..<4 { held.append(try RawHTTP.Connection(port: service.port)) }
        usleep(100_000)
        let refused = try RawHTTP.Connection(port: service.port).readResponse()
        #expect(refused.status == 503)
        #expect(refused.headers["retry-after"] == "1")
        held.removeAll()
        let deadline = Date().addingTimeInterval(5)
        while service.server.activeConnections > 0 && Date() < deadline { usleep(20_000) }
        #expect(try service.get("/healthz").status == 200)
    }
}
