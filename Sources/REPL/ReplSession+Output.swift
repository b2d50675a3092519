import Datalog
import Foundation
import LineEditor
import Querying
import ResultFormats
import TextLayout

/// How the shell shows answers, and takes them into a report: the current format
/// (a table as wide as the terminal, long answers through the pager), `:pivot` for
/// a matrix of the last answer, `:output FILE` to save it for a spreadsheet.
extension ReplSession {
    /// Shows the answers of a statement (a label on each when there are several)
    /// and keeps them whole for `:output` and `:pivot`.
    func showAnswers(_ outcome: QuerySession.Outcome) {
        if !outcome.warnings.isEmpty { output.error(outcome.files.render(outcome.warnings) + "\n") }
        lastAnswers = []
        let several = outcome.answers.count > 1
        for answer in outcome.answers {
            switch answer {
            case .result(let result, let explanation):
                let label = several ? outcome.files.label(of: result.range) : nil
                lastAnswers.append(ResultFile.Block(result: query.resultSet(result), label: label))
                var shown = query.resultSet(result, forPeople: formatName == "table" || formatName == "vertical", maxRows: displayLimit)
                if let label { shown.caption = [label, shown.caption].compactMap { $0 }.joined(separator: "\n") }
                show(shown)
                if let explanation { output.write(explanation + "\n") }
            case .failure(let error, let range):
                if error == .cancelled {
                    fail("cancelled")
                } else {
                    fail(outcome.files, [Diagnostic(error.message, range: range)])
                }
            }
        }
    }

    /// Prints a table (an answer, the log, a history, the schema) in the current
    /// format; through the pager when it is taller than the terminal.
    func show(_ set: ResultSet) {
        var set = set
        if !showsTiming { set.elapsedMilliseconds = nil }
        let format: ResultFormat
        switch formatName {
        case "table": format = TableFormat(width: terminal?.width, showsTime: showsTiming)
        case "vertical": format = VerticalFormat(width: terminal?.width, showsTime: showsTiming)
        default: format = ResultFormats.named(formatName) ?? TableFormat()
        }
        let text = format.render(set)
        if let pager, let terminal, Pager.isTooLong(text, rows: terminal.height), pager.show(text) { return }
        output.write(text)
    }

    /// `:output FILE`: the last answers, whole, in the format the extension names.
    func saveAnswers(_ path: String) {
        guard !path.isEmpty else { fail(":output needs a file, as in :output partners.xlsx (or .csv, .tsv, .json, .txt)"); return }
        guard let format = ResultFormats.name(forPath: path) else {
            fail(":output \(path): the extension names no format; use .xlsx, .csv, .tsv, .json or .txt")
            return
        }
        guard !lastAnswers.isEmpty else { fail(":output: there is no answer to save yet; ask a question first"); return }
        let text: ResultFormat? = format == "table" ? TableFormat(showsTime: false) : nil
        let bytes = ResultFile.bytes(lastAnswers, format: format, text: text, byteOrderMark: format == "csv")
        do { try ResultFile.save(bytes, to: path) } catch {
            fail(":output: \(error.description)")
            return
        }
        let rows = lastAnswers.reduce(0) { $0 + $1.result.rows.count }
        output.write("wrote \(path): \(counted(lastAnswers.count, "answer")), \(counted(rows, "row"))\(format == "csv" ? ", with a byte-order mark for Excel" : "")\n")
    }

    /// `:pivot ROW,COL[,VALUE]`: the last answer as a matrix, which `:output` then saves.
    func pivotAnswers(_ argument: String) {
        guard let pivot = Pivot(argument) else { fail(":pivot needs ROW,COL or ROW,COL,VALUE, as in :pivot W,P"); return }
        guard let last = lastAnswers.last else { fail(":pivot: there is no answer to pivot yet; ask a question first"); return }
        do {
            let matrix = try pivot.apply(to: last.result)
            lastAnswers = [ResultFile.Block(result: matrix, label: last.label)]
            show(matrix)
        } catch {
            fail(":pivot: \(error.description)")
        }
    }
}
