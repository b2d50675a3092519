import Application
import Extraction

/// `wardgraph extract FILE`: what a document yields, without touching the store.
enum ExtractCommand {
    static let spec = CommandSpec(
        name: "extract",
        summary: "show what a policy document yields, without storing it",
        usage: "FILE [--format json|facts] [--report]",
        details: """
        Extracts the ward, measures, sections, partners, plans and edges of FILE.
        --format json (the default) prints them in the gold file format of the
        annotation guidelines, with line numbers; --format facts prints the facts that
        'wardgraph ingest' would assert, one per line, with their source lines.
        --report prints instead what was not understood, by line: headings and table
        rows that could not be placed, organisation-like names not taken as partners,
        plan citations not resolved; each with the +fact. statements that would mend
        the graph in the shell.
        """,
        options: [
            .value("format", "FORMAT", "json (default) or facts"),
            .flag("report", "list what was not understood, with curation hints"), SharedOptions.lexicon,
        ],
        positionals: 1...1,
        run: { arguments, context in try run(arguments, context) })

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        let format = arguments.value("format") ?? "json"
        guard ["json", "facts"].contains(format) else { throw UsageError("unknown format '\(format)'; use json or facts") }
        let lexicon = try context.lexicon(arguments)
        let report: ExtractReport
        do { report = try ExtractReport(path: arguments.positionals[0], lexicon: lexicon) } catch {
            throw OutputFormat.failure(error)
        }
        if arguments.flag("report") {
            context.out.write(IngestView.understanding(report).rendered())
        } else if format == "json" {
            let json = report.extracted.goldJSON()
            context.out.write(json)
            if !json.hasSuffix("\n") { context.out.line() }
        } else {
            context.out.write(IngestView.facts(report))
        }
        return 0
    }
}
