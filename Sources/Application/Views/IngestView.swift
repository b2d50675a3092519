import Ingestion
import ResultFormats

/// The one view of an ingest: a row per document read (ward, year, what it found,
/// the transaction written), for the command line and the REPL alike.
public enum IngestView {
    public static func resultSet(_ outcomes: [DocumentIngest.Outcome]) -> ResultSet {
        let rows = outcomes.compactMap { outcome -> [ResultSet.Cell]? in
            guard case .success(let report) = outcome.result else { return nil }
            let change = report.transaction.map { "\($0.id) (+\($0.assertions) -\($0.retractions))" } ?? "unchanged: nothing written"
            return [
                .text(report.file), .text(report.ward), .text(report.fiscalYear), .integer(Int64(report.measures)),
                .integer(Int64(report.sections)), .integer(Int64(report.partners)), .integer(Int64(report.plans)),
                .integer(Int64(report.edges)), .text(change),
            ]
        }
        return ResultSet(
            columns: ["file", "ward", "year", "measures", "sections", "partners", "plans", "edges", "transaction"],
            rows: rows, rowNoun: nil)
    }

    /// The documents that could not be read, each with why.
    public static func failures(_ outcomes: [DocumentIngest.Outcome]) -> [String] {
        outcomes.compactMap { outcome in
            guard case .failure(let error) = outcome.result else { return nil }
            return "\(error.message); nothing was written for it"
        }
    }

    /// The extracted facts, one per line as `assert` reads them, each with its source.
    public static func facts(_ report: ExtractReport) -> String {
        report.facts.facts.map { "\($0.fact)\t# \($0.source)\n" }.joined()
    }
}
