import Application
import ResultFormats

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
        fiscal year) retracts what vanished and asserts what is new, and the summary
        lists what changed in it: measures added, removed and renamed, partners and
        plans gained or lost (as 'wardgraph diff' does). Facts asserted or
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
        let workspace = try context.workspace(arguments, writer: "wardgraph ingest", create: true)
        let outcomes: [DocumentIngest.Outcome]
        do {
            outcomes = try DocumentIngest.ingest(arguments.positionals, force: arguments.flag("force"), in: workspace)
        } catch {
            throw OutputFormat.failure(error)
        }
        for failure in IngestView.failures(outcomes) { context.err.line("wardgraph: error: \(failure)") }
        for warning in IngestView.yearWarnings(outcomes) { context.warn(warning) }
        let table = IngestView.resultSet(outcomes)
        if !table.rows.isEmpty { context.out.write(TableFormat(showsTime: false).render(table)) }
        for line in IngestView.revisions(outcomes) { context.out.line(line) }
        for line in IngestView.notUnderstood(outcomes) { context.out.line(line) }
        return table.rows.count < outcomes.count ? 1 : 0
    }
}
