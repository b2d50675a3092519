import Extraction
import Ingestion
import TextLayout
import WardGraph

/// `wardgraph ingest FILE…`: documents into the store, one transaction each.
enum IngestCommand {
    static let spec = CommandSpec(
        name: "ingest",
        summary: "read policy documents into the graph",
        usage: "FILE…",
        details: """
        Extracts each document and appends one transaction per document, authored by
        the document (file name and content hash), and prints what it found.
        Ingesting a document again adds nothing; a revised document (same ward and
        fiscal year) retracts what vanished and asserts what is new. Facts asserted or
        retracted by hand are kept as they are. A revision that would retract more
        than half of what the document said, or leave its ward and year with no
        measure, is refused unless --force is given. A fiscal year read from the body
        text, because the title has none, is reported. A file that cannot be read is
        reported and skipped; the others still go in (exit status 1 if any failed).
        """,
        options: [SharedOptions.lexicon, .flag("force", "ingest a revision even if it removes most of what its document said")],
        positionals: 1...Int.max,
        run: { arguments, context in try run(arguments, context) })

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        let extractor = DocumentExtractor(lexicon: try context.lexicon(arguments))
        let store = try context.openStore(arguments, writer: "wardgraph ingest", create: true)
        let ingestor = Ingestor(store: store, extractor: extractor)
        var table = TextTable(
            headers: ["file", "ward", "year", "measures", "sections", "partners", "plans", "edges", "transaction"],
            alignments: [.left, .left, .left, .right, .right, .right, .right, .right, .left])
        var failed = 0
        for path in arguments.positionals {
            do {
                let report = try ingestor.ingest(path: path, force: arguments.flag("force"))
                if let line = report.fiscalYearFromBodyLine {
                    context.warn("\(report.file): the title names no fiscal year; \(report.fiscalYear) was taken from the body text (line \(line)). Check that it is the document's year.")
                }
                let change = report.transaction.map { "\($0.id) (+\($0.assertions) -\($0.retractions))" } ?? "unchanged: nothing written"
                table.add([
                    report.file, report.ward, report.fiscalYear, String(report.measures), String(report.sections),
                    String(report.partners), String(report.plans), String(report.edges), change,
                ])
            } catch {
                failed += 1
                context.err.line("wardgraph: error: \(error); nothing was written for it")
            }
        }
        if !table.rows.isEmpty { context.out.line(table.rendered()) }
        return failed > 0 ? 1 : 0
    }
}
