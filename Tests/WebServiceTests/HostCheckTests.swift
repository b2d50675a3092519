import Foundation
import HTTPServer
import Testing
import TestSupport

/// DNS rebinding over raw sockets: bound to loopback, the service answers only
/// requests that call it by its own names with its port, or by a name it is told to
/// allow; others get 421, as JSON with the security headers, and the connection
/// goes on serving.
@Suite struct HostCheckTests {
    func send(_ port: UInt16, host: String, target: String = "/api/stats") throws -> RawHTTP.Response {
        let connection = try RawHTTP.Connection(port: port)
        try connection.send("GET \(target) HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n")
        return try connection.readResponse()
    }

    @Test func onlyItsOwnNamesWithItsPortPass() throws {
        let service = try TestService { $0.allowedHosts = [] }
        let port = service.port
        for own in ["127.0.0.1:\(port)", "localhost:\(port)", "[::1]:\(port)", "LocalHost:\(port)"] {
            #expect(try send(port, host: own).status == 200, "\(own)")
        }
        for other in ["evil.example:\(port)", "evil.example", "localhost", "localhost:\(port == 1 ? 2 : 1)", "h", "127.0.0.1.evil.example:\(port)", "localhost:\(port)@evil.example"] {
            let response = try send(port, host: other)
            #expect(response.status == 421, "\(other)")
            #expect(response.headers["content-type"] == "application/json; charset=utf-8")
            #expect(response.headers["x-content-type-options"] == "nosniff")
            #expect(response.text.contains("does not answer to the name"), "\(response.text)")
            #expect(response.text.contains("DNS rebinding"))
        }
        // An absolute target names the host the client means, whatever Host says.
        #expect(try send(port, host: "localhost:\(port)", target: "http://evil.example:\(port)/api/stats").status == 421)
        // Every path is guarded: the page, the health check, a write.
        #expect(try send(port, host: "evil.example:\(port)", target: "/").status == 421)
        #expect(try send(port, host: "evil.example:\(port)", target: "/healthz").status == 421)
        let write = try RawHTTP.request(port: port, "POST", "/api/facts", body: "{}", headers: ["Host": "evil.example:\(port)"])
        #expect(write.status == 421)
    }

    @Test func aRefusalLeavesTheConnectionServing() throws {
        let service = try TestService { $0.allowedHosts = [] }
        let connection = try RawHTTP.Connection(port: service.port)
        try connection.send("GET /healthz HTTP/1.1\r\nHost: evil.example\r\n\r\nGET /healthz HTTP/1.1\r\nHost: localhost:\(service.port)\r\n\r\n")
        #expect(try connection.readResponse().status == 421)
        #expect(try connection.readResponse().status == 200)
    }

    @Test func namesItIsToldToAllowPass() throws {
        let service = try TestService {
            $0.allowedHosts = ["wardgraph.example.org", "localhost:9000"].map { HostPolicy.Name(parsing: $0)! }
        }
        #expect(try send(service.port, host: "wardgraph.example.org").status == 200)
        #expect(try send(service.port, host: "wardgraph.example.org:443").status == 200)
        #expect(try send(service.port, host: "localhost:9000").status == 200)
        #expect(try send(service.port, host: "localhost:9001").status == 421)
        #expect(try send(service.port, host: "evil.example").status == 421)
    }
}
