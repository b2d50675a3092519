import Extraction
import Foundation

/// Extraction measured against gold annotations: every `*.gold.json` of a directory
/// paired with the extraction of the document it names. What `wardgraph eval` prints.
public enum ExtractionScore {
    /// Pairs each gold file with its document, looked for in `sources` and then beside
    /// the gold file, and scores them.
    public static func evaluate(goldDirectory: String, sources: String, lexicon: Lexicon) throws(OperationError) -> EvaluationReport {
        let files: [String]
        do {
            files = try FileManager.default.contentsOfDirectory(atPath: goldDirectory).filter { $0.hasSuffix(".gold.json") }.sorted()
        } catch {
            throw OperationError(.notFound, "\(goldDirectory): cannot list the directory")
        }
        guard !files.isEmpty else { throw OperationError(.notFound, "\(goldDirectory): no *.gold.json files") }
        let extractor = DocumentExtractor(lexicon: lexicon)
        var pairs: [(gold: GoldDocument, extracted: ExtractedDocument)] = []
        for file in files {
            let goldPath = URL(fileURLWithPath: goldDirectory).appendingPathComponent(file).path
            guard let data = FileManager.default.contents(atPath: goldPath) else { throw OperationError(.failed, "\(goldPath): cannot be read") }
            do {
                let gold = try GoldDocument.decode(data, fileName: goldPath)
                let candidates = [sources, goldDirectory].map { URL(fileURLWithPath: $0).appendingPathComponent(gold.document).path }
                guard let documentPath = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }),
                      let bytes = FileManager.default.contents(atPath: documentPath)
                else {
                    throw OperationError(.notFound, "\(goldPath): its document \(gold.document) is not in \(sources) or \(goldDirectory); give --sources DIR")
                }
                pairs.append((gold, try extractor.extract(bytes: [UInt8](bytes), fileName: gold.document)))
            } catch let error as OperationError {
                throw error
            } catch {
                throw OperationError(.badInput, "\(error)")
            }
        }
        return GoldEvaluation.evaluate(pairs)
    }
}
