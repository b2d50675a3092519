import Extraction
import Foundation
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
        let sources = arguments.value("sources") ?? ProjectLayout.sources
        let files: [String]
        do {
            files = try FileManager.default.contentsOfDirectory(atPath: goldDirectory).filter { $0.hasSuffix(".gold.json") }.sorted()
        } catch {
            throw CommandFailure("\(goldDirectory): cannot list the directory")
        }
        guard !files.isEmpty else { throw CommandFailure("\(goldDirectory): no *.gold.json files") }
        let extractor = DocumentExtractor(lexicon: try context.lexicon(arguments))
        var pairs: [(gold: GoldDocument, extracted: ExtractedDocument)] = []
        for file in files {
            let goldPath = URL(fileURLWithPath: goldDirectory).appendingPathComponent(file).path
            guard let data = FileManager.default.contents(atPath: goldPath) else { throw CommandFailure("\(goldPath): cannot be read") }
            let gold: GoldDocument
            do { gold = try GoldDocument.decode(data, fileName: goldPath) } catch { throw CommandFailure("\(error)") }
            let candidates = [sources, goldDirectory].map { URL(fileURLWithPath: $0).appendingPathComponent(gold.document).path }
            guard let documentPath = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }),
                  let bytes = FileManager.default.contents(atPath: documentPath)
            else {
                throw CommandFailure("\(goldPath): its document \(gold.document) is not in \(sources) or \(goldDirectory); give --sources DIR")
            }
            do {
                pairs.append((gold, try extractor.extract(bytes: [UInt8](bytes), fileName: gold.document)))
            } catch {
                throw CommandFailure("\(error)")
            }
        }
        context.out.write(GoldEvaluation.evaluate(pairs).table())
        return 0
    }
}
