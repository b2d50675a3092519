import Application
import Ingestion

/// `wardgraph eval --gold DIR`: extraction quality against gold annotations.
enum EvalCommand {
    static let spec = CommandSpec(
        name: "eval",
        summary: "measure extraction against gold annotation files",
        usage: "--gold DIR [--sources DIR]",
        details: """
        For every *.gold.json in the gold directory, extracts the document it names
        (looked for in --sources, default Graph/sources, then beside the gold file)
        and prints precision and recall per kind (measures, sections, partners, plans)
        and per edge type (partners_with, implements, sub_measure), pooled over the
        documents and per document, with the matching rule of the annotation guidelines.
        """,
        options: [
            .value("gold", "DIR", "directory of *.gold.json files"),
            .value("sources", "DIR", "directory of the documents (default: Graph/sources)"),
            SharedOptions.lexicon,
        ],
        positionals: 0...0,
        run: { arguments, context in try run(arguments, context) })

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        guard let goldDirectory = arguments.value("gold") else { throw UsageError("eval needs --gold DIR") }
        let lexicon = try context.lexicon(arguments)
        do {
            let report = try ExtractionScore.evaluate(
                goldDirectory: goldDirectory, sources: arguments.value("sources") ?? ProjectLayout.sources, lexicon: lexicon)
            context.out.write(report.table())
        } catch {
            throw OutputFormat.failure(error)
        }
        return 0
    }
}
