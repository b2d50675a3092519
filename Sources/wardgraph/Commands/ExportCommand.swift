import Application
import Foundation
import GraphInterchange
import ResultFormats
import TextLayout
import WardGraph

/// `wardgraph export`: the graph, or a part of it, as a GraphViz diagram; or the
/// whole graph for other engines: RDF, or Soufflé facts (ExportCommand+Souffle).
enum ExportCommand {
    static let spec = CommandSpec(
        name: "export",
        summary: "draw the graph as DOT, SVG, PNG or PDF, or export it as RDF (nt, ttl) or Soufflé facts",
        usage: "[--ward NAME | --shared-partners | --query PROGRAM | --why ATOM] [-o FILE] | --format nt|ttl|souffle [-o PATH]",
        details: """
        With no selection, the whole graph. --ward draws one ward with its measures,
        sections, partners and plans; --shared-partners the wards and the partners two
        or more of them share (the more wards, the stronger the colour); --query the
        nodes named by the last query's answers with their wards and the links between
        them (or the edges, if it answers (From, Type, To) rows); --why a derivation
        tree. Each ward is drawn as of its latest document (--year chooses another).
        Examples:
          wardgraph export --shared-partners -o Graph/shared-partners.svg
          wardgraph export --ward 泉区 -o izumi.pdf
          wardgraph export --query '?- shares_partner_with(泉区, W, P).' -o q.svg
          wardgraph export --per-ward -o wards.svg      (wards-旭区.svg, wards-泉区.svg, …)
        Large selections are drawn to stay legible, and the command says how: the whole
        graph as an sfdp overview, many nodes of several wards grouped by ward. A
        diagram wider than 10,000 px draws a warning. SVG, PNG and PDF need Graphviz's
        dot (apt-get install graphviz fonts-noto-cjk); without it the DOT is written
        instead, beside the requested file. The format is the one -o's extension names
        (.dot or .gv, .svg, .png, .pdf); any other extension is refused, and so is a
        --format that contradicts it.
        """,
        options: [
            .value("ward", "NAME", "one ward's subgraph"),
            .flag("shared-partners", "wards and the partners shared by two or more of them"),
            .value("query", "PROGRAM", "the part a query selects (program text, or a .dl file)"),
            .value("why", "ATOM", "the derivation of ATOM, e.g. 'shared_partner(泉区, 港北区, 企業)'"),
            .flag("per-ward", "one page per ward, written beside -o FILE as FILE-WARD.EXT"),
            .value("format", "FORMAT", "dot, svg, png, pdf, nt, ttl or souffle (default: from -o's extension, else dot)"),
            .value("base", "IRI", "where node IRIs start in RDF (default \(Namespace.defaultBase))"),
            .value("output", short: "o", "FILE", "where to write (default: DOT on standard output)"),
            .value("layout", "LAYOUT", "automatic (default), dot, sfdp or neato"),
            .flag("cluster-by-ward", "group each ward's nodes in a box"),
            .value("font", "NAME", "the font (default: Noto Sans CJK JP, which has Japanese glyphs)"),
            .value("max-nodes", "N", "refuse selections larger than N nodes (default 300)"),
            .flag("no-legend", "leave out the legend"),
            YearOption.option,
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
        // 'souffle' is handled above; it is named in the list of formats all the same.
        do { format = try ExportFormats.choose(path: output, explicit: arguments.value("format"), alsoNamed: ["souffle"]) } catch {
            throw UsageError(error.message)
        }
        var request = ExportRequest(subject: try subject(arguments))
        request.maxNodes = try arguments.integer("max-nodes", atLeast: 1) ?? request.maxNodes
        request.clusterByWard = arguments.flag("cluster-by-ward")
        request.legend = !arguments.flag("no-legend")
        request.font = arguments.value("font") ?? request.font
        request.base = arguments.value("base")
        if request.base != nil && !(format is RDFFormat) { throw UsageError("--base applies to RDF: give --format nt or ttl") }
        request.years = try YearOption.selection(arguments)
        if let name = arguments.value("layout") {
            guard let layout = DiagramLayout(rawValue: name) else {
                let names = DiagramLayout.allCases.map(\.rawValue)
                throw UsageError("unknown layout '\(name)'\(Suggestion.hint(for: name, in: names)); the layouts are \(names.joined(separator: ", "))")
            }
            request.layout = layout
        }
        if output == nil && (format.mediaType.hasPrefix("image/png") || format.mediaType == "application/pdf") {
            throw CommandFailure("\(format.name) output needs a file: give -o FILE.\(format.fileExtension)")
        }
        let workspace = try context.workspace(arguments)
        let snapshot = try AsOf.snapshot(workspace, arguments)
        let source = ExportSource(snapshot: snapshot, session: workspace.session(over: snapshot))
        if arguments.flag("per-ward") {
            guard chosen.isEmpty, let output else { throw UsageError("--per-ward draws every ward, one file each beside -o FILE; it takes no other selection") }
            let pages: [(ward: String, diagram: ExportedDiagram)]
            do { pages = try WardPages.render(request, format: format, from: source) } catch { throw OutputFormat.failure(error) }
            for page in pages {
                let path = WardPages.path(output, ward: page.ward)
                report(page.diagram, context)
                try write(page.diagram.bytes, to: path)
                context.err.line("wrote \(path)")
            }
            return 0
        }
        let bytes: [UInt8]
        do {
            let diagram = try format.render(request, from: source)
            report(diagram, context)
            bytes = diagram.bytes
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

    /// Says what the layout did to keep the diagram legible, and warns of one too wide.
    static func report(_ diagram: ExportedDiagram, _ context: CommandContext) {
        for note in diagram.notes { context.err.line("wardgraph: note: \(note)") }
        if let warning = diagram.widthWarning { context.warn(warning) }
    }

    /// The selection the options name; the whole graph if none.
    static func subject(_ arguments: ParsedArguments) throws -> ExportSubject {
        if let ward = arguments.value("ward") { return .ward(ward) }
        if arguments.flag("shared-partners") { return .sharedPartners }
        if let atom = arguments.value("why") { return .why(atom) }
        guard let program = arguments.value("query") else { return .wholeGraph }
        guard FileManager.default.fileExists(atPath: program) else { return .query(program) }
        guard let data = FileManager.default.contents(atPath: program) else { throw CommandFailure("\(program): cannot be read") }
        do { return .query(try UTF8Text.decode(data, file: program)) } catch {
            throw CommandFailure("--query: the program is not UTF-8 text", diagnostics: [error])
        }
    }

    /// Writes the export whole, so a failed write never leaves half a diagram.
    static func write(_ bytes: [UInt8], to path: String) throws {
        do { try ResultFile.save(bytes, to: path) } catch { throw CommandFailure(error.description) }
    }
}
