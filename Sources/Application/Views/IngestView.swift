import Ingestion
import ResultFormats
import TextLayout

/// The one view of an ingest: a row per document read (ward, year, what it found,
/// the transaction written), and for a revised document what changed in it, measure
/// by measure (`revisions`), for the command line and the REPL alike.
public enum IngestView {
    public static func resultSet(_ outcomes: [DocumentIngest.Outcome]) -> ResultSet {
        let rows = outcomes.compactMap { outcome -> [ResultSet.Cell]? in
            guard case .success(let report) = outcome.result else { return nil }
            let change: String
            switch (report.transaction, report.revision) {
            case (nil, _): change = "unchanged: nothing written"
            case (let info?, nil): change = "\(info.id): new document, \(counted(info.assertions, "fact"))"
            case (let info?, let diff?): change = "\(info.id): revised, \(diff.isEmpty ? "no measure changed" : counted(diff.changes.count, "change"))"
            }
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

    /// For each revised document, what changed, one line each:
    ///
    ///     izumi-r7.txt (泉区 令和7年度) changed:
    ///       renamed measure 2.4 商店街のにぎわいづくり → 商店街と地域のにぎわい創出
    ///       +partner 横浜市立大学 (measure 2.2 グリーン社会の実現に向けて)
    public static func revisions(_ outcomes: [DocumentIngest.Outcome]) -> [String] {
        var lines: [String] = []
        for outcome in outcomes {
            guard case .success(let report) = outcome.result, report.transaction != nil, let diff = report.revision else { continue }
            if diff.isEmpty {
                lines.append("\(report.file) (\(report.ward) \(report.fiscalYear)) changed, but no measure, partner or plan did")
            } else {
                lines.append("\(report.file) (\(report.ward) \(report.fiscalYear)) changed:")
                lines += diff.changes.map { "  " + $0.summary }
            }
        }
        return lines
    }

    /// One line for each document read with something not understood (see
    /// ``UnderstandingReport/summary``), pointing to `wardgraph extract --report`.
    public static func notUnderstood(_ outcomes: [DocumentIngest.Outcome]) -> [String] {
        outcomes.compactMap { outcome in
            guard case .success(let report) = outcome.result, !report.understanding.items.isEmpty else { return nil }
            return report.understanding.summary
        }
    }

    /// What extraction did not understand in a document, with curation hints.
    public static func understanding(_ report: ExtractReport) -> UnderstandingReport {
        UnderstandingReport(report.extracted, facts: report.facts)
    }

    /// A warning for each document whose fiscal year came from its body text, since
    /// its title names none.
    public static func yearWarnings(_ outcomes: [DocumentIngest.Outcome]) -> [String] {
        outcomes.compactMap { outcome in
            guard case .success(let report) = outcome.result, let line = report.fiscalYearFromBodyLine else { return nil }
            return "\(report.file): the title names no fiscal year; \(report.fiscalYear) was taken from the body text (line \(line)). Check that it is the document's year."
        }
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
