import Foundation
import GraphExport
import GraphInterchange
import WardGraph

/// `wardgraph export --format nt|ttl|souffle`: the whole graph for other engines.
extension ExportCommand {
    /// The formats that export the whole graph rather than draw it.
    enum InterchangeFormat: String, CaseIterable {
        case nTriples = "nt", turtle = "ttl", souffle

        /// The format asked for with --format, or by -o's extension (.nt, .ttl); nil for a diagram.
        static func chosen(_ arguments: ParsedArguments) throws -> InterchangeFormat? {
            if let name = arguments.value("format") { return InterchangeFormat(rawValue: name) }
            guard let output = arguments.value("output") else { return nil }
            return InterchangeFormat(rawValue: URL(fileURLWithPath: output).pathExtension.lowercased()).flatMap { $0 == .souffle ? nil : $0 }
        }
    }

    static var formatNames: [String] { DiagramFile.Format.allCases.map(\.rawValue) + InterchangeFormat.allCases.map(\.rawValue) }

    static func runInterchange(_ format: InterchangeFormat, _ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        let diagramOnly = ["ward", "query", "why", "font", "max-nodes"].filter { arguments.value($0) != nil }
            + ["shared-partners", "cluster-by-ward", "no-legend"].filter { arguments.flag($0) }
        if let first = diagramOnly.first {
            throw UsageError("--\(first) selects or styles a diagram; --format \(format.rawValue) exports the whole graph")
        }
        if format == .souffle && arguments.value("base") != nil { throw UsageError("--base applies to RDF (nt, ttl), not to Soufflé facts") }
        let store = try context.openStore(arguments)
        let snapshot = try AsOf.snapshot(store, arguments)
        let output = arguments.value("output")
        switch format {
        case .nTriples, .turtle:
            let rdf: GraphRDF
            do { rdf = try GraphRDF(base: arguments.value("base") ?? Namespace.defaultBase) } catch { throw UsageError(error.description) }
            let triples = rdf.triples(of: snapshot)
            let text = (format == .turtle ? RDFSyntax.turtle : RDFSyntax.nTriples).write(triples)
            guard let output else {
                context.out.write(text)
                return 0
            }
            guard FileManager.default.createFile(atPath: output, contents: Data(text.utf8)) else {
                throw CommandFailure("\(output): cannot write the file (does its directory exist?)")
            }
            context.err.line("wrote \(output) (\(triples.count) triples)")
        case .souffle:
            guard let output else { throw UsageError("--format souffle writes a directory of fact files: give it with -o DIR") }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory) && !isDirectory.boolValue {
                throw CommandFailure("\(output) is a file; --format souffle writes a directory of fact files")
            }
            do {
                let written = try SouffleExport.write(snapshot, to: output)
                let tuples = written.reduce(0) { $0 + $1.tuples }
                context.err.line("wrote \(written.count) relations (\(tuples) tuples) and schema.dl to \(output)")
            } catch {
                throw CommandFailure("\(error)")
            }
        }
        return 0
    }
}
