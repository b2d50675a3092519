import Foundation
import Testing
import TestSupport

/// `wardgraph serve` through the real binary: the URL it prints, the bind and token
/// rules, a drain on SIGTERM, and the explorer page in headless Chromium.
@Suite struct ServeCommandTests {
    /// A running `wardgraph serve` and the port it printed.
    final class Server {
        let process = Process()
        let port: UInt16
        let project: TemporaryDirectory
        private let errors = Pipe()

        init(_ arguments: [String] = [], environment: [String: String] = [:]) throws {
            project = try ScratchProject.make()
            // Build the default store first, so the server starts at once.
            _ = try Wardgraph.run(["log"], directory: project.path)
            process.executableURL = Wardgraph.executable
            process.arguments = ["serve", "--port", "0"] + arguments
            process.currentDirectoryURL = URL(fileURLWithPath: project.path)
            var env = ProcessInfo.processInfo.environment
            env["WARDGRAPH_STORE"] = nil
            for (key, value) in environment { env[key] = value }
            process.environment = env
            let output = Pipe()
            process.standardOutput = output
            process.standardError = errors
            try process.run()
            let line = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
            guard let match = line.firstMatch(of: /http:\/\/[^\/]+:(\d+)\//), let port = UInt16(match.1) else {
                process.terminate()
                throw RawHTTP.Failure(description: "no URL in '\(line)'")
            }
            self.port = port
        }

        /// SIGTERM, then the exit status and what it wrote on standard error. A server
        /// that has not stopped within ten seconds is killed (and the status says so).
        func stop() -> (status: Int32, stderr: String) {
            process.terminate()
            let deadline = Date().addingTimeInterval(10)
            while process.isRunning && Date() < deadline { usleep(20_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            project.remove()
            return (process.terminationStatus, String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
        }
    }

    @Test func itPrintsItsURLServesAndDrainsOnSIGTERM() throws {
        let server = try Server()
        #expect(try RawHTTP.request(port: server.port, "GET", "/healthz").status == 200)
        // A request in flight when SIGTERM comes is still answered.
        let connection = try RawHTTP.Connection(port: server.port)
        try connection.send("GET /api/schema HTTP/1.1\r\nHost: 127.0.0.1:\(server.port)\r\n\r\n")
        server.process.terminate()
        let response = try connection.readResponse()
        #expect(response.status == 200)
        #expect(response.headers["connection"] == "close" || response.headers["connection"] == "keep-alive")
        let (status, stderr) = server.stop()
        #expect(status == 0)
        #expect(stderr.contains("\"GET /healthz HTTP/1.1\" 200"))
        #expect(stderr.contains("wardgraph: stopping (SIGTERM): finishing the requests in flight"))
        #expect(stderr.contains("wardgraph: stopped"))
    }

    @Test func aPublicBindNeedsATokenOrReadOnly() throws {
        let refused = try Wardgraph.run(["serve", "--bind", "0.0.0.0", "--port", "0"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--bind 0.0.0.0 would let anyone on the network reach the service: give --token-file FILE to guard changes, or --read-only"))
        let both = try Wardgraph.run(["serve", "--token-file", "/dev/null", "--read-only", "--port", "0"])
        #expect(both.status == 2)
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        FileManager.default.createFile(atPath: dir.file("token"), contents: Data("short\n".utf8))
        let short = try Wardgraph.run(["serve", "--token-file", dir.file("token"), "--port", "0"])
        #expect(short.status == 1)
        #expect(short.stderr.contains("at least 16 characters"))
        let publicReadOnly = try Server(["--bind", "0.0.0.0", "--read-only"])
        #expect(try RawHTTP.request(port: publicReadOnly.port, "GET", "/healthz").json?["read_only"] as? Bool == true)
        #expect(publicReadOnly.stop().status == 0)
    }

    @Test func withATokenFileChangesAreAccepted() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let token = "7f3c9a1e5b2d4f6081726354a9b8c7d6"
        FileManager.default.createFile(atPath: dir.file("token"), contents: Data("\(token)\n".utf8))
        let server = try Server(["--token-file", dir.file("token")])
        let body = #"{"statements": ["+label(\"partner:企業\", \"民間企業\")."], "author": "tester"}"#
        #expect(try RawHTTP.request(port: server.port, "POST", "/api/facts", body: body).status == 401)
        let written = try RawHTTP.request(port: server.port, "POST", "/api/facts", body: body, headers: ["Authorization": "Bearer \(token)"])
        #expect(written.status == 200)
        #expect(written.json?["tx"] as? Int == 6)
        let log = try Wardgraph.run(["log", "--last", "1"], directory: server.project.path)
        #expect(log.stdout.contains("tester (via the HTTP service)"))
        #expect(server.stop().status == 0)
    }

    @Test func anotherHostIs421UnlessAllowed() throws {
        let bad = try Wardgraph.run(["serve", "--port", "0", "--allow-host", "http://proxy.example/"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--allow-host takes a host name as a browser sends it, such as wardgraph.example.org or localhost:9000, not 'http://proxy.example/'"))
        let server = try Server(["--allow-host", "proxy.example"])
        let rebound = try RawHTTP.request(port: server.port, "GET", "/api/stats", headers: ["Host": "evil.example:\(server.port)"])
        #expect(rebound.status == 421)
        #expect(rebound.text.contains("only to 127.0.0.1:\(server.port), localhost:\(server.port), [::1]:\(server.port) and proxy.example"))
        #expect(rebound.text.contains("start wardgraph serve with --allow-host NAME"))
        #expect(try RawHTTP.request(port: server.port, "GET", "/api/stats", headers: ["Host": "proxy.example"]).status == 200)
        #expect(try RawHTTP.request(port: server.port, "GET", "/api/stats", headers: ["Host": "localhost:\(server.port)"]).status == 200)
        let (status, stderr) = server.stop()
        #expect(status == 0)
        #expect(stderr.contains("\"GET /api/stats HTTP/1.1\" 421"))
    }

    @Test func withoutGraphvizAnSVGIs501WithTheHint() throws {
        let server = try Server([], environment: ["PATH": "/nonexistent", "WARDGRAPH_DOT": ""])
        let response = try RawHTTP.request(port: server.port, "GET", "/api/export?shared_partners&format=svg")
        #expect(response.status == 501)
        #expect(response.text.contains("graphviz"))
        #expect(try RawHTTP.request(port: server.port, "GET", "/api/export?shared_partners&format=dot").status == 200)
        _ = server.stop()
    }

    static let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: chromium != nil, "headless Chromium is not installed (apt-get install chromium); the explorer page is not checked"))
    func theExplorerPageShowsTheSharedPartnersInChromium() throws {
        let server = try Server()
        defer { _ = server.stop() }
        let query = RawHTTP.encode("?- shared_partner(泉区, W, P).").replacingOccurrences(of: "/", with: "%2F")
        let profile = TemporaryDirectory("wardgraph-chromium")
        defer { profile.remove() }
        let browser = try Wardgraph.runProgram(URL(fileURLWithPath: Self.chromium!), [
            "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile.path)", "--enable-logging=stderr", "--v=0",
            "--virtual-time-budget=10000", "--dump-dom", "http://127.0.0.1:\(server.port)/?q=\(query)",
        ])
        let page = browser.stdout
        // The answer's table, with the partner 自治会町内会 as a link to its node page.
        #expect(page.contains(#"<table id="result">"#))
        #expect(page.contains(#"title="partner:自治会町内会">自治会町内会</button>"#))
        #expect(page.contains("10件"))
        #expect(page.contains("トランザクション 5 時点"))
        // The documents read, above the table, and the years there are to pick from.
        #expect(page.contains(#"<p id="years" class="years">読んだ文書の年度: 旭区 R8, 泉区 R7, 港北区 R7, 港南区 R7, 金沢区 R4</p>"#))
        #expect(page.contains(#"<option value="R7">令和7年度(R7: 泉区、港北区、港南区)</option>"#))
        // No console messages: no script error, no failed request.
        let console = browser.stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") }
        #expect(console.isEmpty, "\(console)")

        // A link with a year reads that year's documents, and says so, also in a row's why.
        let why = RawHTTP.encode(#"shared_partner("泉区", "港北区", "自治会町内会")"#).replacingOccurrences(of: "/", with: "%2F")
        let r7 = try Wardgraph.runProgram(URL(fileURLWithPath: Self.chromium!), [
            "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile.path)", "--enable-logging=stderr", "--v=0",
            "--virtual-time-budget=10000", "--dump-dom", "http://127.0.0.1:\(server.port)/?q=\(query)&year=R7&why=\(why)",
        ])
        #expect(r7.stdout.contains("9件"))
        #expect(r7.stdout.contains(#"<span class="atom">selected_document("document:泉区/R7")</span><span class="cite">選んだ年度 R7 の文書</span>"#))
        #expect(r7.stdout.contains("読んだ文書の年度: 泉区 R7, 港北区 R7, 港南区 R7 (R7 の文書がない区: 旭区, 金沢区)"))
        #expect(!r7.stdout.contains(#"title="ward:金沢区""#))
        #expect(r7.stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") }.isEmpty)
    }
}
