import Testing
@testable import HTTPServer

/// The Host check against DNS rebinding, without a socket: which names pass for
/// which binds, and how names are read.
@Suite struct HostPolicyTests {
    func request(host: String?, target: String = "/api/stats", minorVersion: Int = 1) -> HTTPRequest {
        HTTPRequest(
            method: "GET", target: target, path: "/api/stats", query: [], minorVersion: minorVersion,
            headers: HTTPHeaders(host.map { [("Host", $0)] } ?? []), body: [])
    }

    func names(_ texts: String...) -> [HostPolicy.Name] { texts.map { HostPolicy.Name(parsing: $0)! } }

    @Test(arguments: [
        // (bind, allowed, Host, passes)
        ("127.0.0.1", [], "127.0.0.1:8750", true),
        ("127.0.0.1", [], "localhost:8750", true),
        ("127.0.0.1", [], "LOCALHOST:8750", true),
        ("127.0.0.1", [], "localhost.:8750", true),
        ("127.0.0.1", [], "[::1]:8750", true),
        ("127.0.0.1", [], "evil.example:8750", false),
        ("127.0.0.1", [], "evil.example", false),
        ("127.0.0.1", [], "localhost", false),
        ("127.0.0.1", [], "localhost:8751", false),
        ("127.0.0.1", [], "127.0.0.1.evil.example:8750", false),
        ("127.0.0.1", [], "localhost:8750@evil.example", false),
        ("127.0.0.1", [], "localhost:+8750", false),
        ("127.0.0.1", [], "", false),
        ("127.0.0.2", [], "127.0.0.2:8750", true),
        ("::1", [], "[::1]:8750", true),
        ("::1", [], "[0:0:0:0:0:0:0:1]:8750", false),
        ("127.0.0.1", ["wardgraph.example.org"], "wardgraph.example.org", true),
        ("127.0.0.1", ["wardgraph.example.org"], "wardgraph.example.org:443", true),
        ("127.0.0.1", ["localhost:9000"], "localhost:9000", true),
        ("127.0.0.1", ["localhost:9000"], "localhost:9001", false),
        ("0.0.0.0", [], "evil.example:8750", true),
        ("0.0.0.0", [], "192.168.1.5:8750", true),
        ("0.0.0.0", ["wardgraph.example.org"], "wardgraph.example.org", true),
        ("0.0.0.0", ["wardgraph.example.org"], "evil.example:8750", false),
        ("0.0.0.0", ["wardgraph.example.org"], "localhost:8750", true),
    ] as [(String, [String], String, Bool)])
    func aHostPassesOnlyWhereItShould(bind: String, allowed: [String], host: String, passes: Bool) {
        let policy = HostPolicy(bind: bind, port: 8750, allowed: allowed.map { HostPolicy.Name(parsing: $0)! })
        let refusal = policy.refusal(for: request(host: host))
        #expect((refusal == nil) == passes)
        if let refusal {
            #expect(refusal.status == .misdirectedRequest)
            #expect(refusal.message.contains("does not answer to the name '\(host)'"))
        }
    }

    @Test func theRefusalNamesTheServersNamesAndTheHint() throws {
        let policy = HostPolicy(bind: "127.0.0.1", port: 8750, allowed: names("proxy.example"), hint: "; start it with --allow-host NAME")
        let refusal = try #require(policy.refusal(for: request(host: "evil.example:8750")))
        #expect(refusal.message == "this server does not answer to the name 'evil.example:8750', only to 127.0.0.1:8750, localhost:8750, [::1]:8750 and proxy.example: a page of another site may be trying to reach it through DNS rebinding; start it with --allow-host NAME")
    }

    @Test func anAbsoluteTargetsAuthorityStandsInForHost() {
        let policy = HostPolicy(bind: "127.0.0.1", port: 8750)
        #expect(policy.refusal(for: request(host: "localhost:8750", target: "http://evil.example:8750/api/stats")) != nil)
        #expect(policy.refusal(for: request(host: "evil.example", target: "http://localhost:8750/api/stats")) == nil)
        #expect(policy.refusal(for: request(host: "localhost:8750", target: "HTTPS://localhost:8750?x")) == nil)
    }

    @Test func anHTTP10RequestWithoutHostPasses() {
        let policy = HostPolicy(bind: "127.0.0.1", port: 8750)
        #expect(policy.refusal(for: request(host: nil, minorVersion: 0)) == nil)
    }

    @Test func namesAreReadStrictly() {
        for good in ["localhost", "wardgraph.example.org:443", "[::1]", "[::1]:80", "a-b_c.d", "LocalHost:1"] {
            #expect(HostPolicy.Name(parsing: good) != nil, "\(good)")
        }
        for bad in ["", "http://x", "x/y", "x y", "x:", "x:99999", "x:1:2", "[::1", "[zz]", "泉区.example", ":80", "x:-1", "."] {
            #expect(HostPolicy.Name(parsing: bad) == nil, "\(bad)")
        }
        #expect(HostPolicy.Name(parsing: "LocalHost.:8080")?.description == "localhost:8080")
    }
}
