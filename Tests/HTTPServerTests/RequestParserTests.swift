import Testing
import TestSupport
@testable import HTTPServer

/// The request parser without a socket: bytes in, requests or errors out.
@Suite struct RequestParserTests {
    func parse(_ text: String, limits: RequestParser.Limits = .init(), chunk: Int = .max) -> [RequestParser.Event] {
        parse(Array(text.utf8), limits: limits, chunk: chunk)
    }

    /// Feeds `bytes` in pieces of `chunk`, collecting every event but `needMoreData`.
    func parse(_ bytes: [UInt8], limits: RequestParser.Limits = .init(), chunk: Int = .max) -> [RequestParser.Event] {
        var parser = RequestParser(limits: limits)
        var events: [RequestParser.Event] = []
        var offset = 0
        repeat {
            let end = min(bytes.count, offset + max(1, chunk == .max ? bytes.count : chunk))
            parser.append(bytes[offset..<end])
            offset = end
            loop: while true {
                let event = parser.next()
                switch event {
                case .needMoreData: break loop
                case .failure:
                    events.append(event)
                    return events
                default: events.append(event)
                }
            }
        } while offset < bytes.count
        return events
    }

    func requests(_ events: [RequestParser.Event]) -> [HTTPRequest] {
        events.compactMap { if case .request(let r) = $0 { return r } else { return nil } }
    }

    @Test func aSimpleRequestWithAPercentEncodedJapanesePath() throws {
        let events = parse("GET /api/nodes/ward:%E6%B3%89%E5%8C%BA?q=%3F-+ward(W).&x HTTP/1.1\r\nHost: localhost\r\nAccept: */*\r\n\r\n")
        let request = try #require(requests(events).first)
        #expect(request.method == "GET")
        #expect(request.path == "/api/nodes/ward:泉区")
        #expect(request.queryValue("q") == "?- ward(W).")
        #expect(request.queryValue("x") == "")
        #expect(request.headers["ACCEPT"] == "*/*")
        #expect(request.keepAlive)
    }

    @Test func bodiesByContentLengthAndPipelinedRequests() throws {
        let body = #"{"program": "?- ward(W)."}"#
        let text = "POST /api/query HTTP/1.1\r\nHost: h\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)GET /healthz HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n"
        for chunk in [1, 7, 64, Int.max] {
            let all = requests(parse(text, chunk: chunk))
            #expect(all.count == 2, "chunk \(chunk)")
            #expect(all.first.map { String(decoding: $0.body, as: UTF8.self) } == body)
            #expect(all.last?.path == "/healthz")
            #expect(all.last?.keepAlive == false)
        }
    }

    @Test func http10KeepsAliveOnlyWhenAsked() throws {
        #expect(requests(parse("GET / HTTP/1.0\r\n\r\n")).first?.keepAlive == false)
        #expect(requests(parse("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")).first?.keepAlive == true)
    }

    @Test func expectContinueIsSignalledOnceBeforeTheBody() {
        var parser = RequestParser()
        parser.append(Array("POST /api/facts HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n".utf8))
        guard case .continueExpected = parser.next() else { Issue.record("no 100-continue"); return }
        guard case .needMoreData = parser.next() else { Issue.record("asked twice"); return }
        parser.append(Array("{}".utf8))
        guard case .request(let request) = parser.next() else { Issue.record("no request"); return }
        #expect(request.body == Array("{}".utf8))
    }

    @Test func leadingEmptyLinesAreIgnored() {
        #expect(requests(parse("\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n")).count == 1)
    }

    @Test func midRequestIsKnownForTimeouts() {
        var parser = RequestParser()
        #expect(!parser.isMidRequest)
        parser.append(Array("GE".utf8))
        #expect(parser.isMidRequest)
    }

    /// Each malformed head, the status it gets and a word of its message.
    @Test(arguments: [
        ("GET /\r\nHost: h\r\n\r\n", 400, "malformed request line"),
        ("GET  / HTTP/1.1\r\nHost: h\r\n\r\n", 400, "malformed request line"),
        ("G@T / HTTP/1.1\r\nHost: h\r\n\r\n", 400, "not a token"),
        ("GET / HTTP/2.0\r\nHost: h\r\n\r\n", 505, "only HTTP/1.1"),
        ("GET / HTTX/1.1\r\nHost: h\r\n\r\n", 400, "malformed HTTP version"),
        ("GET relative HTTP/1.1\r\nHost: h\r\n\r\n", 400, "must start with '/'"),
        ("GET /a%zz HTTP/1.1\r\nHost: h\r\n\r\n", 400, "percent-encoding"),
        ("GET /a%ff%fe HTTP/1.1\r\nHost: h\r\n\r\n", 400, "invalid UTF-8"),
        ("GET /a%00 HTTP/1.1\r\nHost: h\r\n\r\n", 400, "NUL"),
        ("GET /?q=%e6%b3 HTTP/1.1\r\nHost: h\r\n\r\n", 400, "query"),
        ("GET / HTTP/1.1\r\n\r\n", 400, "needs a Host"),
        ("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400, "more than one Host"),
        ("GET / HTTP/1.1\nHost: h\n\n", 400, "bare LF"),
        ("GET / HTTP/1.1\r\nHost: h\rX: y\r\n\r\n", 400, "bare CR"),
        ("GET / HTTP/1.1\r\nHost: h\r\n folded\r\n\r\n", 400, "folding"),
        ("GET / HTTP/1.1\r\nHost : h\r\n\r\n", 400, "not a token"),
        ("GET / HTTP/1.1\r\nHost h\r\n\r\n", 400, "no ':'"),
        ("GET / HTTP/1.1\r\nHost: h\r\nX: a\u{01}b\r\n\r\n", 400, "control character"),
        ("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n", 411, "Content-Length"),
        ("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n", 400, "different values"),
        ("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: -1\r\n\r\n", 400, "not a whole number"),
        ("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 99999999999999999999\r\n\r\n", 400, "not a whole number"),
        ("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 2000000\r\n\r\n", 413, "larger than the limit"),
        ("POST / HTTP/1.1\r\nHost: h\r\nExpect: tea\r\nContent-Length: 1\r\n\r\n", 417, "100-continue"),
        ("GET * HTTP/1.1\r\nHost: h\r\n\r\n", 400, "only for OPTIONS"),
    ])
    func malformedHeads(_ text: String, _ status: Int, _ words: String) {
        guard case .failure(let error) = parse(text).last else {
            Issue.record("accepted: \(text.debugDescription)")
            return
        }
        #expect(error.status.code == status, "\(text.debugDescription)")
        #expect(error.message.contains(words), "\(error.message)")
    }

    @Test func invalidUTF8InAHeaderValueIsRefused() {
        let bytes = Array("GET / HTTP/1.1\r\nHost: h\r\nX-Name: ".utf8) + [0xE6, 0xB3] + Array("\r\n\r\n".utf8)
        guard case .failure(let error) = parse(bytes).last else { Issue.record("accepted"); return }
        #expect(error.status.code == 400)
        #expect(error.message.contains("UTF-8"))
    }

    @Test func theHeadAndTheRequestLineHaveLimits() {
        let limits = RequestParser.Limits(maxHeaderBytes: 1024, maxBodyBytes: 100)
        let longLine = "GET /" + String(repeating: "a", count: 2000) + " HTTP/1.1\r\nHost: h\r\n\r\n"
        guard case .failure(let tooLong) = parse(longLine, limits: limits, chunk: 100).last else { Issue.record("accepted"); return }
        #expect(tooLong.status.code == 414)
        let manyHeaders = "GET / HTTP/1.1\r\nHost: h\r\n" + String(repeating: "X-Filler: 0123456789\r\n", count: 100) + "\r\n"
        guard case .failure(let tooBig) = parse(manyHeaders, limits: limits, chunk: 100).last else { Issue.record("accepted"); return }
        #expect(tooBig.status.code == 431)
        // A head that never ends is refused at the limit, not buffered without end.
        guard case .failure(let endless) = parse(Array(repeating: UInt8(ascii: "A"), count: 5000), limits: limits, chunk: 512).last else {
            Issue.record("accepted")
            return
        }
        #expect(endless.status.code == 414)
    }

    @Test func absoluteFormTargetsAreReadAsTheirPath() throws {
        let request = try #require(requests(parse("GET http://localhost:8750/healthz?x=1 HTTP/1.1\r\nHost: localhost\r\n\r\n")).first)
        #expect(request.path == "/healthz")
        #expect(request.queryValue("x") == "1")
    }

    @Test func afterAFailureTheParserStaysFailed() {
        var parser = RequestParser()
        parser.append(Array("BAD\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n".utf8))
        guard case .failure = parser.next(), case .failure = parser.next() else {
            Issue.record("recovered from a malformed request")
            return
        }
    }

    /// Random bytes never crash the parser or make it buffer past its limit.
    @Test func randomBytesNeverCrashIt() {
        var random = SplitMix64(seed: 42)
        for _ in 0..<300 {
            let count = Int(random.next() % 600)
            var bytes = (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            if random.next() % 2 == 0 { bytes = Array("GET / HTTP/1.1\r\n".utf8) + bytes }
            _ = parse(bytes, limits: RequestParser.Limits(maxHeaderBytes: 256, maxBodyBytes: 256), chunk: Int(random.next() % 50) + 1)
        }
    }
}
