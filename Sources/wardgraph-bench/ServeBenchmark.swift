import Application
import Foundation
import HTTPServer
import Ingestion
import Querying
import TestSupport
import WardGraph
import WebService

/// The HTTP service under load from `wrk` (Debian's `wrk` package): requests per
/// second and the 50th and 99th percentile latency at 1, 16 and 64 connections, for
/// `GET /api/nodes/ward:泉区` and `POST /api/query` with `shared_partner(泉区, W, P)`;
/// then a long run of the query at 64 connections that must have no error, and the
/// server's resident memory before and after at least 100,000 requests.
///
/// The server runs in this process (so its memory is ours to read), on a store
/// built from the project's documents, with its access log written to a file.
/// `--no-cache` turns off the answer cache, so every request is computed.
enum ServeBenchmark {
    struct Run {
        let requests: Int
        let perSecond: Double
        let p50: String
        let p99: String
        let errors: Int
        let seconds: Double
    }

    static func run(arguments: [String]) throws {
        var parser = BenchArguments(arguments, command: "serve")
        var seconds = 10
        var soak = 60
        var cached = true
        var maxQueries: Int?
        var root = FileManager.default.currentDirectoryPath
        while let argument = try parser.next() {
            switch argument {
            case "--seconds": seconds = try parser.number(of: argument, atLeast: 1)
            case "--soak": soak = try parser.number(of: argument, atLeast: 1)
            case "--no-cache": cached = false
            case "--max-queries": maxQueries = try parser.number(of: argument, atLeast: 1)
            case let option where option.hasPrefix("-"): throw parser.unknown(option)
            default: root = argument
            }
        }
        guard let wrkPath = ["/usr/bin/wrk", "/usr/local/bin/wrk"].first(where: FileManager.default.isExecutableFile) else {
            print("wardgraph-bench serve needs wrk: apt-get install wrk")
            exit(2)
        }
        let directory = TemporaryDirectory("wardgraph-serve-bench")
        defer { directory.remove() }
        let store = directory.file("g.log")
        _ = try DefaultStore.build(at: store, sources: root + "/" + ProjectLayout.sources, lexiconDirectory: root + "/" + ProjectLayout.lexicon)
        let prelude = try String(contentsOfFile: root + "/" + Prelude.relativePath, encoding: .utf8)
        let workspace = Workspace(
            store: try GraphStore.open(at: store), prelude: ProgramSource(name: Prelude.relativePath, text: prelude),
            lexiconDirectory: root + "/" + ProjectLayout.lexicon, documents: DocumentLibrary(directories: [root + "/" + ProjectLayout.sources]))
        var options = ServiceOptions()
        if !cached { options.cacheBytes = 0 }
        if let maxQueries { options.maxConcurrentQueries = maxQueries }
        let service = GraphService(workspace: workspace, options: options)
        let logFile = directory.file("access.log")
        _ = FileManager.default.createFile(atPath: logFile, contents: nil) // the server fails to start without it, and says so
        let logHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: logFile))
        var configuration = HTTPServer.Configuration()
        configuration.port = 0
        let server = try HTTPServer(
            configuration: configuration, accessLog: AccessLog(fd: logHandle.fileDescriptor), errorResponder: service.errorResponse,
            handler: service.handle)
        server.start()
        let base = "http://127.0.0.1:\(server.port)"
        let script = directory.file("query.lua")
        try """
            wrk.method = "POST"
            wrk.body = '{"program": "?- shared_partner(泉区, W, P)."}'
            wrk.headers["Content-Type"] = "application/json"
            """.write(toFile: script, atomically: true, encoding: .utf8)

        let load = String(contentsOfFile: "/proc/loadavg") ?? "?"
        print("wardgraph-bench serve: \(ProcessInfo.processInfo.activeProcessorCount) cores, load average \(load.split(separator: " ").prefix(3).joined(separator: " ")), \(seconds) s per run, answers \(cached ? "cached by (question, transaction)" : "computed for every request (--no-cache)")")
        let node = base + "/api/nodes/ward:%E6%B3%89%E5%8C%BA"
        // Warm up at the most connections measured: the first answers fill the caches,
        // the session pool and the allocator's per-thread arenas, so that the memory
        // measured after is growth, not the plateau of 64 connections first reached.
        _ = try wrk(wrkPath, ["-t2", "-c64", "-d2s", node])
        _ = try wrk(wrkPath, ["-t2", "-c64", "-d2s", "-s", script, base + "/api/query"])
        let before = residentKilobytes()
        var total = 0
        var samples: [(requests: Int, kilobytes: Int)] = []
        print("endpoint                       connections     req/s      p50      p99  errors   RSS KiB")
        for (name, extra, url) in [("GET /api/nodes/ward:泉区", [String](), node), ("POST /api/query shared_partner", ["-s", script], base + "/api/query")] {
            for connections in [1, 16, 64] {
                let threads = min(connections, 2)
                let result = try wrk(wrkPath, ["-t\(threads)", "-c\(connections)", "-d\(seconds)s", "--latency"] + extra + [url])
                total += result.requests
                samples.append((total, residentKilobytes()))
                print(name.padding(toLength: 31, withPad: " ", startingAt: 0) + String(format: "%11d %9.0f ", connections, result.perSecond)
                      + result.p50.leftPadded(8) + " " + result.p99.leftPadded(8) + String(format: " %7d %9d", result.errors, samples.last!.kilobytes))
            }
        }
        let soakRun = try wrk(wrkPath, ["-t2", "-c64", "-d\(soak)s", "--latency", "-s", script, base + "/api/query"])
        total += soakRun.requests
        print(String(format: "soak: POST /api/query at 64 connections for %d s: %d requests, %.0f req/s, ", soak, soakRun.requests, soakRun.perSecond)
              + "p50 \(soakRun.p50), p99 \(soakRun.p99), \(soakRun.errors) errors")
        let after = residentKilobytes()
        func growth(_ kilobytes: Int) -> Double { Double(kilobytes - before) / Double(before) * 100 }
        if let first = samples.first(where: { $0.requests >= 100_000 }) {
            print(String(format: "resident memory: %d KiB after warm-up, %d KiB after the first %d requests (%+.1f %%)", before, first.kilobytes, first.requests, growth(first.kilobytes)))
        }
        print(String(format: "resident memory: %d KiB after warm-up, %d KiB after all %d requests (%+.1f %%)", before, after, total, growth(after)))
        _ = server.drain()
        service.stop()
    }

    /// Runs wrk and reads its summary: requests, req/s, latency percentiles, errors
    /// (socket errors and non-2xx/3xx answers).
    static func wrk(_ executable: String, _ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        func number(after label: String) -> Double? {
            guard let range = text.range(of: label) else { return nil }
            return Double(text[range.upperBound...].drop { $0 == " " }.prefix { $0.isNumber || $0 == "." })
        }
        func latency(_ percentile: String) -> String {
            text.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(percentile) }
                .map { String($0.split(separator: " ").last ?? "?") } ?? "?"
        }
        var errors = 0
        if let line = text.split(separator: "\n").first(where: { $0.contains("Socket errors") }) {
            errors += line.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }.reduce(0, +)
        }
        errors += Int(number(after: "Non-2xx or 3xx responses:") ?? 0)
        let requests = text.split(separator: "\n").first { $0.contains("requests in") }
            .flatMap { Int($0.trimmingCharacters(in: .whitespaces).prefix { $0.isNumber }) } ?? 0
        return Run(
            requests: requests, perSecond: number(after: "Requests/sec:") ?? 0, p50: latency("50%"), p99: latency("99%"),
            errors: errors, seconds: 0)
    }

    /// This process's resident set size (VmRSS), in KiB.
    static func residentKilobytes() -> Int {
        guard let status = String(contentsOfFile: "/proc/self/status"),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return 0 }
        return Int(line.split(separator: " ")[1]) ?? 0
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }

    init?(contentsOfFile path: String) {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        self.init(decoding: data, as: UTF8.self)
    }
}
