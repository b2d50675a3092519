import Foundation
import LineEditor
import ResultFormats
import TextLayout

/// Where and how `wardgraph query` writes its answers: the format (`--format`, else
/// `-o`'s extension, else a table), a file (`-o`, written whole through a temporary
/// file) or standard output (a table as wide as the terminal, long answers through
/// the pager), the pivot (`--pivot`), and the byte-order mark of CSV (on for a file
/// unless `--no-bom`; `--bom` forces it). Every answer of a run is gathered first,
/// so that a file holds them all and several answers are labelled by their query.
struct AnswerOutput {
    static let options: [OptionSpec] = [
        .value("format", "FORMAT", "table (default), vertical, csv, tsv, json or xlsx (default: from -o's extension)"),
        .value("output", short: "o", "FILE", "write the answers to FILE (.csv, .tsv, .json, .xlsx, .txt) instead of standard output"),
        .flag("bom", "start CSV with a UTF-8 byte-order mark, as Excel needs (the default for a file)"),
        .flag("no-bom", "no byte-order mark, even in a file"),
        .value("pivot", "ROW,COL[,VALUE]", "show the answer as a matrix: a row per ROW, a column per COL (e.g. W,P for ward_partner(W, P))"),
        .flag("no-pager", "never page long answers on a terminal"),
    ]

    let format: String
    let path: String?
    let pivot: Pivot?
    let byteOrderMark: Bool
    /// The terminal's width and height when the answers go to one.
    let terminal: (width: Int, height: Int)?
    let pager: Pager?

    init(_ arguments: ParsedArguments, _ context: CommandContext) throws {
        path = arguments.value("output")
        if let name = arguments.value("format") {
            guard ResultFormats.names.contains(name) else { throw UsageError(FormatNameError(name: name).description) }
            format = name
        } else if let path {
            guard let named = ResultFormats.name(forPath: path) else {
                throw UsageError("-o \(path): the extension names no format; use .csv, .tsv, .json, .xlsx or .txt, or give --format")
            }
            format = named
        } else {
            format = "table"
        }
        if let text = arguments.value("pivot") {
            guard let pivot = Pivot(text) else { throw UsageError("--pivot needs ROW,COL or ROW,COL,VALUE (column names of the answer, as in --pivot W,P), not '\(text)'") }
            self.pivot = pivot
        } else {
            pivot = nil
        }
        if arguments.flag("bom") && arguments.flag("no-bom") { throw UsageError("choose --bom or --no-bom, not both") }
        byteOrderMark = arguments.flag("bom") || (!arguments.flag("no-bom") && format == "csv" && (path != nil || context.out.isRegularFile))
        let toTerminal = path == nil && context.out.isTerminal
        if toTerminal && format == "xlsx" {
            throw UsageError("xlsx is a file, not text for a terminal: give -o FILE.xlsx (or redirect standard output to a file)")
        }
        let screen = Terminal(input: 1, output: 1)
        terminal = toTerminal ? (screen.width, screen.height) : nil
        pager = toTerminal && !arguments.flag("no-pager") ? Pager(environment: context.environment) : nil
    }

    /// Whether values are shown for people (ids as typed back, with their labels).
    var isForPeople: Bool { format == "table" || format == "vertical" }

    /// The answer as it is written: pivoted if asked.
    func shaped(_ result: ResultSet) throws -> ResultSet {
        guard let pivot else { return result }
        do { return try pivot.apply(to: result) } catch { throw CommandFailure("--pivot: \(error.description)") }
    }

    /// The text format, set up for where it goes (a table as wide as the terminal).
    var textFormat: ResultFormat? {
        switch format {
        case "table": return TableFormat(width: terminal?.width)
        case "vertical": return VerticalFormat(width: terminal?.width)
        default: return ResultFormats.named(format)
        }
    }

    /// Writes the answers, with the text that follows each (its plan, with --explain).
    func write(_ blocks: [(block: ResultFile.Block, after: String?)], _ context: CommandContext) throws {
        var labelled = blocks.map(\.block)
        if labelled.count < 2 { labelled = labelled.map { ResultFile.Block(result: $0.result) } }
        if let path {
            let bytes = ResultFile.bytes(labelled, format: format, text: textFormat, byteOrderMark: byteOrderMark)
            do { try ResultFile.save(bytes, to: path) } catch { throw CommandFailure(error.description) }
            let rows = labelled.reduce(0) { $0 + $1.result.rows.count }
            context.err.line("wrote \(path): \(counted(labelled.count, "answer")), \(counted(rows, "row"))\(byteOrderMark ? ", with a byte-order mark for Excel" : "")")
            for case let (_, after?) in blocks { context.out.line(after) }
            return
        }
        if format == "xlsx" {
            context.out.write(ResultFile.bytes(labelled, format: format))
            return
        }
        var bytes: [UInt8] = []
        for (index, item) in blocks.enumerated() {
            bytes += ResultFile.bytes([labelled[index]], format: format, text: textFormat, byteOrderMark: byteOrderMark && index == 0)
            if index + 1 < blocks.count && format != "json" { bytes.append(UInt8(ascii: "\n")) }
            if let after = item.after { bytes += Array((after + "\n").utf8) }
        }
        if let pager, let terminal {
            let text = String(decoding: bytes, as: UTF8.self)
            if Pager.isTooLong(text, rows: terminal.height) {
                context.out.flush()
                if pager.show(text) { return }
            }
        }
        context.out.write(bytes)
    }
}

