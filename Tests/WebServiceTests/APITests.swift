import Foundation
import HTTPServer
import Testing
import TestSupport
import WebService

/// The JSON API on an ephemeral port, endpoint by endpoint.
@Suite struct APITests {
    @Test func healthAndTheEphemeralPort() throws {
        let service = try TestService()
        #expect(service.port != 0)
        let health = try service.get("/healthz")
        #expect(health.status == 200)
        #expect(health.json?["tx"] as? Int == 5)
        #expect(health.json?["read_only"] as? Bool == true)
    }

    @Test func aQueryAnswersWithIdsLabelsAndItsTransaction() throws {
        let service = try TestService()
        let response = try service.post("/api/query", #"{"program": "?- shared_partner($ward, W, P).", "params": {"ward": "泉区"}, "limit": 5}"#)
        #expect(response.status == 200)
        #expect(response.headers["content-type"] == "application/json; charset=utf-8")
        #expect(response.headers["etag"] == "\"tx5\"")
        let json = try #require(response.json)
        #expect(json["columns"] as? [String] == ["W", "P"])
        #expect(json["total_rows"] as? Int == 10)
        #expect(json["truncated"] as? Bool == true)
        #expect(json["tx"] as? Int == 5)
        #expect(json["elapsed_ms"] is Double || json["elapsed_ms"] is Int)
        let rows = try #require(json["rows"] as? [[[String: Any]]])
        #expect(rows.count == 5)
        #expect(rows[0][1]["value"] as? String == "企業")
        #expect(rows[0][1]["id"] as? String == "partner:企業")
        #expect(rows[0][1]["label"] as? String == "企業")
        #expect(response.text.contains("自治会町内会"))
    }

    @Test func aBookmarkableGetAndTextFormats() throws {
        let service = try TestService()
        let program = RawHTTP.encode("?- partner_wards(P, N), N >= $least.")
        let json = try service.get("/api/query?q=\(program)&$least=4")
        #expect(json.status == 200)
        #expect((json.json?["rows"] as? [Any])?.count == 3)
        let csv = try service.get("/api/query?q=\(program)&$least=4&format=csv")
        #expect(csv.headers["content-type"] == "text/csv; charset=utf-8")
        #expect(csv.text == "P,N\n企業,4\n地域防災拠点,4\n自治会町内会,4\n")
        let unknown = try service.get("/api/query?q=\(program)&fromat=csv")
        #expect(unknown.status == 400)
        #expect(unknown.text.contains("unknown field 'fromat' in the query (did you mean 'format'?)"))
    }

    @Test func programErrorsComeBackWithTheirPlace() throws {
        let service = try TestService()
        let response = try service.post("/api/query", #"{"program": "?- shared_partnr(泉区, W, P)."}"#)
        #expect(response.status == 400)
        let error = try #require((response.json?["errors"] as? [[String: Any]])?.first)
        #expect(error["message"] as? String == "unknown relation 'shared_partnr'; did you mean 'shared_partner'?")
        #expect(error["file"] as? String == "<query>")
        #expect(error["line"] as? Int == 1)
        #expect(error["column"] as? Int == 4)
        #expect(error["end_column"] as? Int == 17)
        #expect(error["source_line"] as? String == "?- shared_partnr(泉区, W, P).")
        #expect(error["suggestion"] as? String == "shared_partner")
        // A program with no query says so.
        let noQuery = try service.post("/api/query", #"{"program": "busy(P) :- partner_wards(P, N), N >= 3."}"#)
        #expect(noQuery.status == 400)
        #expect(noQuery.text.contains("the program has no query"))
    }

    @Test func whyLeavesCarryTheLineOfTheDocument() throws {
        let service = try TestService()
        let response = try service.post("/api/why", #"{"atom": "shared_partner(泉区, 港北区, 商店街)"}"#)
        #expect(response.status == 200)
        // Every leaf read from a document carries that document's line, word for word.
        var leaves: [[String: Any]] = []
        func collect(_ node: [String: Any]) {
            if node["document"] != nil { leaves.append(node) }
            for child in (node["premises"] as? [[String: Any]] ?? []) + (node["samples"] as? [[String: Any]] ?? []) { collect(child) }
        }
        collect(try #require(response.json?["derivation"] as? [String: Any]))
        #expect(leaves.contains { $0["document"] as? String == "izumi-r7.txt" })
        #expect(leaves.contains { $0["document"] as? String == "kohoku-r7.txt" })
        for leaf in leaves {
            let document = try #require(leaf["document"] as? String), line = try #require(leaf["line"] as? Int)
            let lines = try String(contentsOfFile: Wardgraph.packageRoot.path + "/Graph/sources/" + document, encoding: .utf8)
                .components(separatedBy: "\n")
            // The line as the document has it, without its page break or trailing space.
            var expected = lines[line - 1].replacingOccurrences(of: "\u{0C}", with: "")
            while let last = expected.unicodeScalars.last, last.properties.isWhitespace { expected.unicodeScalars.removeLast() }
            #expect(leaf["text"] as? String == expected, "\(document):\(line)")
        }
        let absent = try service.post("/api/why", #"{"atom": "shared_partner(泉区, 港北区, 存在しない)"}"#)
        #expect(absent.status == 404)
        #expect(absent.text.contains("does not hold"))
        let malformed = try service.post("/api/why", #"{"atom": "shared_partner(泉区, W, P)"}"#)
        #expect(malformed.status == 400)
    }

    @Test func schemaNodesDocumentsLogAndStats() throws {
        let service = try TestService()
        let schema = try service.get("/api/schema")
        let relations = try #require(schema.json?["relations"] as? [[String: Any]])
        let shared = try #require(relations.first { $0["name"] as? String == "shared_partner" })
        #expect(shared["arity"] as? Int == 3)
        #expect(shared["arguments"] as? [String] == ["W1", "W2", "P"])
        #expect((shared["doc"] as? String)?.contains("wards W1 and W2 both work with partner P") == true)

        let node = try service.get("/api/nodes/" + RawHTTP.encode("partner:商店街"))
        #expect(node.status == 200)
        let page = try #require(node.json)
        #expect(page["kind"] as? String == "partner")
        #expect(page["label"] as? String == "商店街")
        let incoming = try #require(page["in"] as? [[String: Any]])
        #expect(incoming.contains { $0["id"] as? String == "measure:泉区/R7/2.4" && $0["label"] as? String == "商店街のにぎわいづくり" })
        #expect((page["history"] as? [Any])?.isEmpty == false)
        let sources = try #require(page["sources"] as? [[String: Any]])
        #expect(sources.contains { $0["document"] as? String == "izumi-r7.txt" && $0["text"] as? String == "商店街のにぎわいづくりを推進します。" })
        let missing = try service.get("/api/nodes/" + RawHTTP.encode("partner:商店"))
        #expect(missing.status == 404)
        #expect(missing.text.contains("did you mean 'partner:商店街'?"))
        #expect(try service.get("/api/nodes/" + RawHTTP.encode("wrd:泉区")).status == 400)

        let lines = try service.get("/api/documents/izumi-r7.txt?from=248&to=249")
        #expect(lines.status == 200)
        let items = try #require(lines.json?["lines"] as? [[String: Any]])
        #expect(items.first?["text"] as? String == "○商店街のにぎわいづくり＜中期計画：テーマ 03 戦略４ 政策 20＞")
        #expect(lines.json?["changed_since_ingest"] as? Bool == false)
        #expect(try service.get("/api/documents/..%2FPackage.swift").status == 400)
        #expect(try service.get("/api/documents/Package.swift").status == 404)

        let log = try service.get("/api/log?since=3")
        #expect((log.json?["transactions"] as? [[String: Any]])?.map { $0["tx"] as? Int } == [4, 5])
        let stats = try service.get("/api/stats")
        #expect(stats.json?["facts"] as? Int == 1412)
        #expect((stats.json?["nodes_by_kind"] as? [String: Int])?["ward"] == 5)
        #expect(try service.get("/api/stats?as_of=2").json?["tx"] as? Int == 2)
        #expect(try service.get("/api/stats?as_of=99").status == 404)
    }

    @Test func exportsDiagrams() throws {
        let service = try TestService()
        let dot = try service.get("/api/export?shared_partners&format=dot")
        #expect(dot.status == 200)
        #expect(dot.headers["content-type"] == "text/vnd.graphviz; charset=utf-8")
        #expect(dot.text.hasPrefix("digraph"))
        #expect(dot.text.contains("自治会町内会"))
        let unknownWard = try service.get("/api/export?ward=" + RawHTTP.encode("泉") + "&format=dot")
        #expect(unknownWard.status == 404)
        #expect(unknownWard.text.contains("did you mean 泉区?"))
        #expect(try service.get("/api/export?format=gif").status == 400)
        let svg = try service.get("/api/export?q=" + RawHTTP.encode("?- shared_partner(泉区, W, P).") + "&format=svg")
        if svg.status == 200 {
            #expect(svg.headers["content-type"] == "image/svg+xml")
            #expect(svg.text.contains("<svg"))
            #expect(svg.headers["content-security-policy"]?.hasPrefix("default-src 'none'") == true)
        } else {
            // Without Graphviz: 501 and how to install it.
            #expect(svg.status == 501)
            #expect(svg.text.contains("graphviz"))
        }
    }

    @Test func readsAreTaggedWithTheirTransaction() throws {
        let service = try TestService()
        let first = try service.get("/api/stats")
        #expect(first.headers["etag"] == "\"tx5\"")
        #expect(first.headers["x-wardgraph-transaction"] == "5")
        let again = try service.get("/api/stats", headers: ["If-None-Match": "\"tx5\""])
        #expect(again.status == 304)
        #expect(again.body.isEmpty)
        #expect(try service.get("/api/stats", headers: ["If-None-Match": "\"tx4\""]).status == 200)
    }

    @Test func everyResponseCarriesTheSecurityHeaders() throws {
        let service = try TestService()
        for response in [try service.get("/"), try service.get("/api/stats"), try service.get("/nowhere")] {
            #expect(response.headers["content-security-policy"]?.contains("default-src 'none'") == true)
            #expect(response.headers["x-content-type-options"] == "nosniff")
            #expect(response.headers["access-control-allow-origin"] == nil)
        }
        let page = try service.get("/")
        #expect(page.headers["content-type"] == "text/html; charset=utf-8")
        #expect(page.headers["content-security-policy"]?.contains("script-src 'self'") == true)
        #expect(page.text.contains("区運営方針"))
        #expect(!page.text.contains("http://") && !page.text.contains("https://"))
        let script = try service.get("/assets/explorer.js")
        #expect(script.headers["content-type"] == "text/javascript; charset=utf-8")
    }

    @Test func corsOnlyForTheConfiguredOrigin() throws {
        var options = ServiceOptions()
        options.corsOrigin = "https://portal.example"
        let service = try TestService(options: options)
        let allowed = try service.get("/api/stats", headers: ["Origin": "https://portal.example"])
        #expect(allowed.headers["access-control-allow-origin"] == "https://portal.example")
        let other = try service.get("/api/stats", headers: ["Origin": "https://evil.example"])
        #expect(other.headers["access-control-allow-origin"] == nil)
        let preflight = try RawHTTP.request(port: service.port, "OPTIONS", "/api/query", headers: ["Origin": "https://portal.example", "Access-Control-Request-Method": "POST"])
        #expect(preflight.status == 204)
        #expect(preflight.headers["access-control-allow-methods"]?.contains("POST") == true)
    }

    @Test func theAccessLogHasALinePerRequest() throws {
        var pipe: [Int32] = [0, 0]
        #expect(Glibc.pipe(&pipe) == 0)
        defer { close(pipe[0]) }
        let log = AccessLog(fd: pipe[1])
        do {
            let service = try TestService(accessLog: log)
            _ = try service.get("/healthz")
            _ = try service.get("/api/nodes/" + RawHTTP.encode("ward:泉区"))
        }
        log.flush()
        close(pipe[1])
        var text = ""
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = read(pipe[0], &buffer, buffer.count)
            if n <= 0 { break }
            text += String(decoding: buffer[0..<n], as: UTF8.self)
        }
        let lines = text.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.contains("\"GET /healthz HTTP/1.1\" 200") == true)
        #expect(lines.last?.contains("\"GET /api/nodes/ward:%E6%B3%89%E5%8C%BA HTTP/1.1\" 200") == true)
    }

    @Test func connectionsAreKeptAliveUntilIdle() throws {
        let service = try TestService { $0.idleTimeout = 0.5 }
        let connection = try RawHTTP.Connection(port: service.port)
        for target in ["/healthz", "/api/stats", "/healthz"] {
            try connection.send("GET \(target) HTTP/1.1\r\nHost: h\r\n\r\n")
            let response = try connection.readResponse()
            #expect(response.status == 200)
            #expect(response.headers["connection"] == "keep-alive")
        }
        // Pipelined: two requests in one write, two answers in order.
        try connection.send("GET /healthz HTTP/1.1\r\nHost: h\r\n\r\nHEAD /api/stats HTTP/1.1\r\nHost: h\r\n\r\n")
        #expect(try connection.readResponse().json?["status"] as? String == "ok")
        let head = try connection.readResponse(toHead: true)
        #expect(head.status == 200 && head.body.isEmpty)
        // Idle past the timeout: the server closes the connection.
        usleep(1_200_000)
        #expect(connection.isClosed())
    }
}
