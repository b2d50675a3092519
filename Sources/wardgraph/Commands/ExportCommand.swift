import Application
import Foundation
import GraphInterchange
import TextLayout
import WardGraph

/// `wardgraph export`: the graph, or a part of it, as a GraphViz diagram; or the
/// whole graph for other engines: RDF, or Soufflé facts (ExportCommand+Souffle).
enum ExportCommand {
    static let spec = CommandSpec(
        name: "export",
        summary: "draw the graph as DOT, SVG or PNG, or export it as RDF (nt, ttl) or Soufflé facts",
        usage: "[--ward NAME | --shared-partners | --query PROGRAM | --why ATOM] [-o FILE] | --format nt|ttl|souffle [-o PATH]",
        details: """
        With no selection, the whole graph. --ward draws one ward with its measures,
        sections, partners and plans; --shared-partners the wards and the partners two
        or more of them share (the more wards, the stronger the colour); --query the
        nodes named by the last query's answers (or the edges, if it answers
        (From, Type, To) rows); --why a derivation tree. Examples:
          wardgraph export --shared-partners -o Graph/shared-partners.svg
          wardgraph export --ward 泉区 --cluster-by-ward -o izumi.png
          wardgraph export --query '?- shares_partner_with(泉区, W, P).' -o q.dot
        SVG and PNG need Graphviz's dot (apt-get install graphviz fonts-noto-cjk); without
        it the DOT is written instead, beside the requested file.

        --format nt or ttl (or -o FILE.nt, FILE.ttl) writes the whole graph as RDF,
        N-Triples or Turtle, in the vocabulary of Graph/vocabulary.ttl, with each node's
        and edge's provenance in PROV-O; node IRIs start with --base. --format souffle
        writes one NAME.facts per relation and a schema.dl into the directory -o names,
        for souffle -F DIR (see 'wardgraph translate'). Examples:
          wardgraph export --format ttl -o wards.ttl --base https://data.example.jp/wardgraph/
          wardgraph export --format souffle -o facts
        """,
        options: [
            .value("ward", "NAME", "one ward's subgraph"),
            .flag("shared-partners", "wards and the partners shared by two or more of them"),
            .value("query", "PROGRAM", "the part a query selects (program text, or a .dl file)"),
            .value("why", "ATOM", "the derivation of ATOM, e.g. 'shared_partner(泉区, 港北区, 企業)'"),
            .value("format", "FORMAT", "dot, svg, png, nt, ttl or souffle (default: from -o's extension, else dot)"),
            .value("base", "IRI", "where node IRIs start in RDF (default \(Namespace.defaultBase))"),
            .value("output", short: "o", "FILE", "where to write (default: DOT on standard output)"),
            .flag("cluster-by-ward", "group each ward's nodes in a box"),
            .value("font", "NAME", "the font (default: Noto Sans CJK JP, which has Japanese glyphs)"),
            .value("max-nodes", "N", "refuse selections larger than N nodes (default 300)"),
            .flag("no-legend", "leave out the legend"),
            AsOf.option,
        ],
        positionals: 0...0,
        run: { arguments, context in try run(arguments, context) })

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        if arguments.value("format") == "souffle" { return try runSouffle(arguments, context) }
        let chosen = ["ward", "query", "why"].filter { arguments.value($0) != nil } + (arguments.flag("shared-partners") ? ["shared-partners"] : [])
        guard chosen.count <= 1 else { throw UsageError("choose one selection, not \(chosen.map { "--" + $0 }.joined(separator: " and "))") }
        let output = arguments.value("output")
        let format: any ExportFormat
        if let name = arguments.value("format") {
            guard let named = ExportFormats.named(name) else {
                let names = ExportFormats.names + ["souffle"]
                throw UsageError("unknown format '\(name)'\(Suggestion.hint(for: name, in: names)); the formats are \(names.joined(separator: ", "))")
            }
            format = named
        } else {
            format = output.flatMap(ExportFormats.forPath) ?? DiagramFormat.dot
        }
        var request = ExportRequest(subject: try subject(arguments))
        request.maxNodes = try arguments.integer("max-nodes", atLeast: 1) ?? request.maxNodes
        request.clusterByWard = arguments.flag("cluster-by-ward")
        request.legend = !arguments.flag("no-legend")
        request.font = arguments.value("font") ?? request.font
        request.base = arguments.value("base")
        if request.base != nil && !(format is RDFFormat) { throw UsageError("--base applies to RDF: give --format nt or ttl") }
        if output == nil && format.mediaType.hasPrefix("image/png") {
            throw CommandFailure("\(format.name) output needs a file: give -o FILE.\(format.fileExtension)")
        }
        let workspace = try context.workspace(arguments)
        let snapshot = try AsOf.snapshot(workspace, arguments)
        let source = ExportSource(snapshot: snapshot, session: workspace.session(over: snapshot))
        let bytes: [UInt8]
        do {
            bytes = try format.export(request, from: source)
        } catch let error where error.kind == .notInstalled && output != nil {
            // Still give the diagram: its DOT, beside the file asked for.
            let dotPath = URL(fileURLWithPath: output!).deletingPathExtension().appendingPathExtension("dot").path
            try? write(try DiagramFormat.dot.export(request, from: source), to: dotPath)
            throw CommandFailure("\(error.message)\nThe DOT was written to \(dotPath).")
        } catch {
            throw OutputFormat.failure(error, while: arguments.value("why") != nil ? "--why" : nil)
        }
        guard let output else {
            context.out.write(String(decoding: bytes, as: UTF8.self))
            return 0
        }
        try write(bytes, to: output)
        context.err.line("wrote \(output)")
        return 0
    }

    /// The selection the options name; the whole graph if none.
    static func subject(_ arguments: ParsedArguments) throws -> ExportSubject {
        if let ward = arguments.value("ward") { return .ward(ward) }
        if arguments.flag("shared-partners") { return .sharedPartners }
        if let atom = arguments.value("why") { return .why(atom) }
        guard let program = arguments.value("query") else { return .wholeGraph }
        guard FileManager.default.fileExists(atPath: program) else { return .query(program) }
        guard let data = FileManager.default.contents(atPath: program), let text = String(data: data, encoding: .utf8) else {
            throw CommandFailure("\(program): cannot be read as UTF-8 text")
        }
        return .query(text)
    }

    /// Writes the export through a temporary file renamed over `path`, so a failed
    /// write never leaves half a diagram.
    static func write(_ bytes: [UInt8], to path: String) throws {
        let temporary = path + ".tmp-\(getpid())"
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: temporary))
            // rename(2) replaces the file or creates it (FileManager.replaceItemAt fails
            // on Linux when there is no file yet).
            guard rename(temporary, path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw CommandFailure("\(path): cannot be written (\(error.localizedDescription))")
        }
    }
}
