import Datalog
import Foundation
import GraphExport
import GraphViz
import Querying
import TextLayout
import WardGraph

/// `wardgraph export`: the graph, or a part of it, as a GraphViz diagram.
enum ExportCommand {
    static let spec = CommandSpec(
        name: "export",
        summary: "draw the graph or a part of it as GraphViz DOT, SVG, PNG or PDF",
        usage: "[--ward NAME | --shared-partners | --query PROGRAM | --why ATOM] [-o FILE]",
        details: """
        With no selection, the whole graph. --ward draws one ward with its measures,
        sections, partners and plans; --shared-partners the wards and the partners two
        or more of them share (the more wards, the stronger the colour); --query the
        nodes named by the last query's answers (or the edges, if it answers
        (From, Type, To) rows); --why a derivation tree. Examples:
          wardgraph export --shared-partners -o Graph/shared-partners.svg
          wardgraph export --ward 泉区 --cluster-by-ward -o izumi.png
          wardgraph export --query '?- shares_partner_with(泉区, W, P).' -o q.dot
        The format is the one -o's extension names (.dot or .gv, .svg, .png, .pdf); any
        other extension is refused. SVG, PNG and PDF need Graphviz's dot (apt-get install
        graphviz fonts-noto-cjk); without it the DOT is written instead, beside the
        requested file.
        """,
        options: [
            .value("ward", "NAME", "one ward's subgraph"),
            .flag("shared-partners", "wards and the partners shared by two or more of them"),
            .value("query", "PROGRAM", "the part a query selects (program text, or a .dl file)"),
            .value("why", "ATOM", "the derivation of ATOM, e.g. 'shared_partner(泉区, 港北区, 企業)'"),
            .value("format", "FORMAT", "dot, svg, png or pdf (default: from -o's extension, else dot)"),
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
        let chosen = ["ward", "query", "why"].filter { arguments.value($0) != nil } + (arguments.flag("shared-partners") ? ["shared-partners"] : [])
        guard chosen.count <= 1 else { throw UsageError("choose one selection, not \(chosen.map { "--" + $0 }.joined(separator: " and "))") }
        let output = arguments.value("output")
        let format: DiagramFile.Format
        do { format = try DiagramFile.format(for: output, explicit: arguments.value("format")) } catch let error as ExportError {
            throw UsageError(error.description)
        }
        let maxNodes = try arguments.integer("max-nodes", atLeast: 1) ?? GraphExporter.defaultMaxNodes
        let store = try context.openStore(arguments)
        let snapshot = try AsOf.snapshot(store, arguments)
        let session = QuerySession()
        session.use(snapshot)
        if let prelude = try context.prelude(arguments, .optional) {
            session.keep(name: prelude.name, text: prelude.text)
        }

        let graph: DotGraph
        do {
            if let atom = arguments.value("why") {
                graph = DerivationDiagram.graph(try session.why(atom), constants: session.engine.constants)
            } else {
                let selection: ExportSelection
                if let ward = arguments.value("ward") {
                    selection = .ward(ward)
                } else if arguments.flag("shared-partners") {
                    selection = .sharedPartners
                } else if let program = arguments.value("query") {
                    var text = program
                    if FileManager.default.fileExists(atPath: program) {
                        guard let data = FileManager.default.contents(atPath: program) else {
                            throw CommandFailure("\(program): cannot read the program file")
                        }
                        text = try UTF8Text.decode(data, file: program)
                    }
                    selection = try QuerySelection.select(text, name: "<--query>", session: session)
                } else {
                    selection = .wholeGraph
                }
                var exporter = GraphExporter(snapshot: snapshot)
                exporter.clusterByWard = arguments.flag("cluster-by-ward")
                exporter.legend = !arguments.flag("no-legend")
                graph = try exporter.graph(selection, maxNodes: maxNodes)
            }
        } catch let error as SourceDiagnostic {
            throw CommandFailure("--query: the program is not UTF-8 text", diagnostics: [error])
        } catch let failure as CommandFailure {
            throw failure
        } catch let error as DerivationError {
            throw CommandFailure("--why: \(error.message)")
        } catch let list as DiagnosticList {
            throw CommandFailure("--why: " + list.diagnostics.map(\.message).joined(separator: "; "))
        } catch {
            throw CommandFailure("\(error)")
        }
        do {
            let written = try DiagramFile.write(graph, format: format, to: output, font: arguments.value("font") ?? DiagramFile.defaultFont)
            if output == nil { context.out.write(written) } else { context.err.line(written) }
        } catch {
            throw CommandFailure("\(error)")
        }
        return 0
    }
}


