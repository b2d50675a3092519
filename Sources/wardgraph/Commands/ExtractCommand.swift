import Extraction
import Foundation
import Ingestion

/// `wardgraph extract FILE`: what a document yields, without touching the store.
enum ExtractCommand {
    static let spec = CommandSpec(
        name: "extract",
        summary: "show what a policy document yields, without storing it",
        usage: "FILE [--format json|facts]",
        details: """
        Extracts the ward, measures, sections, partners, plans and edges of FILE.
        --format json (the default) prints them in the gold file format of the
        annotation guidelines, with line numbers; --format facts prints the facts that
        'wardgraph ingest' would assert, one per line, with their source lines.
        """,
        options: [.value("format", "FORMAT", "json (default) or facts"), SharedOptions.lexicon],
        positionals: 1...1,
        run: { arguments, context in try run(arguments, context) })

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        let format = arguments.value("format") ?? "json"
        guard ["json", "facts"].contains(format) else { throw UsageError("unknown format '\(format)'; use json or facts") }
        let path = arguments.positionals[0]
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure("\(path): cannot be read (does it exist, and may you read it?)")
        }
        let bytes = [UInt8](data)
        let extractor = DocumentExtractor(lexicon: try context.lexicon(arguments))
        let extracted: ExtractedDocument
        do { extracted = try extractor.extract(bytes: bytes, fileName: URL(fileURLWithPath: path).lastPathComponent) } catch {
            throw CommandFailure("\(error)")
        }
        if format == "json" {
            context.out.write(extracted.goldJSON())
            if !extracted.goldJSON().hasSuffix("\n") { context.out.line() }
        } else {
            let content = DocumentFacts(extracted, contentHash: SHA256.hex(bytes))
            for (fact, source) in content.facts { context.out.line("\(fact)\t# \(source)") }
        }
        return 0
    }
}
