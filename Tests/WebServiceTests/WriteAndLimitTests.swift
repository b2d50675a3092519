import Foundation
import Testing
import TestSupport
import WardGraph
import WebService

/// Writes (the token, the writer lock) and the limits on evaluations (concurrency,
/// cancellation when the client hangs up).
@Suite struct WriteAndLimitTests {
    static let token = "0123456789abcdef0123456789abcdef"
    static let change = #"{"statements": ["+partners_with(\"measure:泉区/R7/2.2\", \"partner:フェリス女学院大学\").", "+label(\"partner:フェリス女学院大学\", \"フェリス女学院大学\")."], "author": "山田"}"#

    static func writable() throws -> TestService {
        var options = ServiceOptions()
        options.token = token
        return try TestService(options: options)
    }

    @Test func readOnlyUnlessAToken() throws {
        let service = try TestService()
        let refused = try service.post("/api/facts", Self.change, headers: ["Authorization": "Bearer \(Self.token)"])
        #expect(refused.status == 403)
        #expect(refused.text.contains("read-only; start it with --token-file FILE"))
        #expect(try service.get("/healthz").json?["tx"] as? Int == 5)
    }

    @Test func theTokenRules() throws {
        let service = try Self.writable()
        let missing = try service.post("/api/facts", Self.change)
        #expect(missing.status == 401)
        #expect(missing.headers["www-authenticate"]?.hasPrefix("Bearer") == true)
        let wrong = try service.post("/api/facts", Self.change, headers: ["Authorization": "Bearer 0123456789abcdef0123456789abcdeX"])
        #expect(wrong.status == 403)
        #expect(wrong.text.contains("the token is wrong"))
        let short = try service.post("/api/facts", Self.change, headers: ["Authorization": "Bearer 0123"])
        #expect(short.status == 403)
        let basic = try service.post("/api/facts", Self.change, headers: ["Authorization": "Basic \(Self.token)"])
        #expect(basic.status == 403)
        #expect(try service.get("/healthz").json?["tx"] as? Int == 5)

        let written = try service.post("/api/facts", Self.change, headers: ["Authorization": "Bearer \(Self.token)"])
        #expect(written.status == 200)
        #expect(written.json?["tx"] as? Int == 6)
        #expect(written.json?["assertions"] as? Int == 2)
        #expect((written.json?["author"] as? String)?.hasPrefix("山田") == true)
        // The next read sees it at once, under its new transaction.
        let page = try service.get("/api/nodes/" + RawHTTP.encode("partner:フェリス女学院大学"))
        #expect(page.status == 200)
        #expect(page.headers["etag"] == "\"tx6\"")

        // Bad statements: all reported, nothing written.
        let bad = try service.post("/api/facts", #"{"statements": ["+partners_with(\"wrd:泉区\", x).", "-label(\"ward:泉区\")."], "author": "山田"}"#, headers: ["Authorization": "Bearer \(Self.token)"])
        #expect(bad.status == 400)
        #expect(try service.get("/healthz").json?["tx"] as? Int == 6)
        let noAuthor = try service.post("/api/facts", #"{"statements": "+label(\"ward:泉区\", \"いずみ\")."}"#, headers: ["Authorization": "Bearer \(Self.token)"])
        #expect(noAuthor.status == 400)
        #expect(noAuthor.text.contains("'author' is missing"))
    }

    @Test func aBusyWriterIs409NamingTheHolder() throws {
        let service = try Self.writable()
        let holder = try GraphStore.open(at: service.storePath, writer: "wardgraph ingest (another terminal)")
        defer { holder.close() }
        let busy = try service.post("/api/facts", Self.change, headers: ["Authorization": "Bearer \(Self.token)"])
        #expect(busy.status == 409)
        #expect(busy.text.contains("wardgraph ingest (another terminal)"))
        holder.close()
        #expect(try service.post("/api/facts", Self.change, headers: ["Authorization": "Bearer \(Self.token)"]).status == 200)
    }

    /// A query that takes long: four measures in a row, 94⁴ bindings.
    static let slow = #"{"program": "?- measure(A), measure(B), measure(C), measure(D), A != D."}"#

    @Test func pastTheQueryLimitIt503sAndAHangUpCancels() throws {
        var options = ServiceOptions()
        options.maxConcurrentQueries = 1
        options.queueTimeout = 0.3
        options.queryLimits.timeout = 60
        options.queryLimits.maxDerivedTuples = 1_000_000_000
        let service = try TestService(options: options)
        // The slow query takes the only slot…
        let asker = try RawHTTP.Connection(port: service.port)
        try asker.send("POST /api/query HTTP/1.1\r\nHost: h\r\nContent-Length: \(Self.slow.utf8.count)\r\n\r\n\(Self.slow)")
        usleep(300_000)
        // …so another waits for it as long as it may, then hears 503.
        let asked = Date()
        let refused = try service.post("/api/query", #"{"program": "?- ward(W)."}"#)
        #expect(Date().timeIntervalSince(asked) >= 0.3)
        #expect(refused.status == 503)
        #expect(refused.headers["retry-after"] == "1")
        #expect(refused.text.contains("1 queries are running, the most allowed at once, and none finished within 0.3 s"))
        // …until its client hangs up: then it is cancelled and the slot is free again.
        let hungUp = Date()
        withExtendedLifetime(asker) {}
        _ = consume asker
        var freed: Double?
        while Date().timeIntervalSince(hungUp) < 5 {
            if try service.post("/api/query", #"{"program": "?- ward(W)."}"#).status == 200 {
                freed = Date().timeIntervalSince(hungUp)
                break
            }
            usleep(50_000)
        }
        let seconds = try #require(freed, "the query went on after its client hung up")
        #expect(seconds < 2)
    }

    @Test func aBurstPastTheLimitWaitsForSlotsInsteadOfBeingRefused() throws {
        var options = ServiceOptions()
        options.maxConcurrentQueries = 1
        options.cacheBytes = 0
        let service = try TestService(options: options)
        // Eight different questions at once, one slot: each waits its turn.
        let statuses = NSLock()
        nonisolated(unsafe) var seen: [Int] = []
        DispatchQueue.concurrentPerform(iterations: 8) { index in
            let status = (try? service.post("/api/query", #"{"program": "?- partner_wards(P, N), N >= \#(index)."}"#).status) ?? 0
            statuses.lock()
            seen.append(status)
            statuses.unlock()
        }
        #expect(seen == Array(repeating: 200, count: 8))
    }

    @Test func repeatedQuestionsAreAnsweredFromTheCache() throws {
        let service = try TestService()
        let first = try service.post("/api/query", #"{"program": "?- shared_partner(泉区, W, P)."}"#)
        let second = try service.post("/api/query", #"{"program": "?- shared_partner(泉区, W, P)."}"#)
        #expect(first.body == second.body)  // the same bytes, elapsed_ms included: not computed again
        let other = try service.post("/api/query", #"{"program": "?- shared_partner(泉区, W, P).", "limit": 2}"#)
        #expect(other.json?["truncated"] as? Bool == true)
    }
}
