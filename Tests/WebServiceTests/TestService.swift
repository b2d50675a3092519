import Application
import Foundation
import HTTPServer
import Ingestion
import TestSupport
import WardGraph
import WebService

/// The service in this process on an ephemeral port (port 0; the server says which
/// it got), over a fresh copy of a store built from the five documents.
final class TestService: @unchecked Sendable {
    let directory = TemporaryDirectory("wardgraph-service")
    let storePath: String
    let service: GraphService
    let server: HTTPServer
    var port: UInt16 { server.port }

    /// The store of the five documents, built once per test run and copied for each test.
    static let template: String = {
        let directory = TemporaryDirectory("wardgraph-service-template")
        let root = Wardgraph.packageRoot.path
        _ = try! DefaultStore.build(at: directory.file("g.log"), sources: root + "/Graph/sources", lexiconDirectory: root + "/Graph/lexicon")
        return directory.file("g.log")
    }()

    /// - Parameter documents: build the store from these documents of Graph/sources
    ///   instead of copying the template of all five.
    init(
        options: ServiceOptions = ServiceOptions(), documents: [String]? = nil, accessLog: AccessLog? = nil,
        configure: (inout HTTPServer.Configuration) -> Void = { _ in }
    ) throws {
        let root = Wardgraph.packageRoot.path
        storePath = directory.file("g.log")
        if let documents {
            let sources = directory.file("sources")
            try FileManager.default.createDirectory(atPath: sources, withIntermediateDirectories: true)
            for document in documents { try FileManager.default.copyItem(atPath: root + "/Graph/sources/" + document, toPath: sources + "/" + document) }
            _ = try DefaultStore.build(at: storePath, sources: sources, lexiconDirectory: root + "/Graph/lexicon")
        } else {
            try FileManager.default.copyItem(atPath: Self.template, toPath: storePath)
        }
        let prelude = try String(contentsOfFile: root + "/Queries/prelude.dl", encoding: .utf8)
        let workspace = Workspace(
            store: try GraphStore.open(at: storePath), prelude: ProgramSource(name: "Queries/prelude.dl", text: prelude),
            lexiconDirectory: root + "/Graph/lexicon", documents: DocumentLibrary(directories: [root + "/Graph/sources"]))
        var options = options
        options.queriesDirectory = options.queriesDirectory ?? root + "/Queries"
        service = GraphService(workspace: workspace, options: options)
        var configuration = HTTPServer.Configuration()
        configuration.port = 0
        // The raw requests of these tests call the server `h` (Host: h); its own names
        // (127.0.0.1:PORT, localhost:PORT) pass too. `HostCheckTests` takes this away.
        configuration.allowedHosts = [HostPolicy.Name(parsing: "h")!]
        configure(&configuration)
        server = try HTTPServer(configuration: configuration, accessLog: accessLog, errorResponder: service.errorResponse, handler: service.handle)
        server.start()
    }

    deinit {
        server.drain()
        service.stop()
        directory.remove()
    }

    func get(_ target: String, headers: [String: String] = [:]) throws -> RawHTTP.Response {
        try RawHTTP.request(port: port, "GET", target, headers: headers)
    }

    func post(_ target: String, _ body: String, headers: [String: String] = [:]) throws -> RawHTTP.Response {
        try RawHTTP.request(port: port, "POST", target, body: body, headers: headers)
    }
}
