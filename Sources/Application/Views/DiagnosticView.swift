import Datalog
import Foundation
import TextLayout

/// The one view of a program's errors: the compiler-style text with a caret (from
/// `SourceFiles.render`), and JSON for `--format json` and the HTTP API:
/// `{"errors": [{"message", "file", "line", "column", "end_column", "source_line", "source_column", "suggestion", …}],
/// "more_errors": N}`: `source_line` is the line, or for a long one the window of it that
/// starts at column `source_column`; at most `Diagnostic.displayLimit` errors are listed.
public enum DiagnosticView {
    public static func text(_ files: SourceFiles, _ diagnostics: [Diagnostic]) -> String {
        files.render(diagnostics)
    }

    /// The errors of several programs, at most `Diagnostic.displayLimit` of them in
    /// all, and how many more were found (`omitted` counts those never kept).
    public static func capped(
        _ problems: [(SourceFiles, [Diagnostic])], omitted: Int = 0
    ) -> (shown: [(SourceFiles, [Diagnostic])], more: Int) {
        var left = Diagnostic.displayLimit
        var shown: [(SourceFiles, [Diagnostic])] = []
        var more = omitted
        for (files, diagnostics) in problems {
            let take = Array(diagnostics.prefix(left))
            left -= take.count
            more += diagnostics.count - take.count
            if !take.isEmpty { shown.append((files, take)) }
        }
        return (shown, more)
    }

    /// `{"errors": […], "more_errors": N}`: the first `Diagnostic.displayLimit` errors.
    public static func json(_ problems: [(SourceFiles, [Diagnostic])], omitted: Int = 0) -> JSONValue {
        let (shown, more) = capped(problems, omitted: omitted)
        return .object([
            ("errors", .array(shown.flatMap { files, diagnostics in diagnostics.map { item(files.structured($0)) } })),
            ("more_errors", .integer(more)),
        ])
    }

    public static func json(_ files: SourceFiles, _ diagnostics: [Diagnostic]) -> JSONValue {
        json([(files, diagnostics)])
    }

    /// One error; `end_column` is one past the last character the caret marks.
    public static func item(_ diagnostic: SourceDiagnostic) -> JSONValue {
        .object([
            ("message", .string(diagnostic.message)), ("file", .string(diagnostic.file)),
            ("line", .integer(diagnostic.line)), ("column", .integer(diagnostic.column)),
            ("end_column", .integer(diagnostic.column > 0 ? diagnostic.column + diagnostic.length : 0)),
            // A long line comes as the window of it around the column, starting at source_column.
            ("source_line", .string(diagnostic.lineText)), ("source_column", .integer(diagnostic.lineTextStartColumn)),
            ("suggestion", .string(suggestion(in: diagnostic))),
            ("severity", .string(diagnostic.severity.rawValue)), ("notes", .array(diagnostic.notes.map { .string($0) })),
        ])
    }

    /// A message without a place: `{"errors": [{"message": …}]}` with the other fields null.
    public static func json(message: String) -> JSONValue {
        .object([("errors", .array([item(SourceDiagnostic(.error, message, file: "", line: 0, column: 0))]))])
    }

    /// The name a "did you mean 'busy'?" in the message or a note proposes.
    static func suggestion(in diagnostic: SourceDiagnostic) -> String? {
        for text in [diagnostic.message] + diagnostic.notes {
            guard let start = text.range(of: "did you mean ") else { continue }
            var rest = text[start.upperBound...]
            guard let quote = rest.first, quote == "'" || quote == "\"" else { continue }
            rest = rest.dropFirst()
            if let end = rest.firstIndex(of: quote) { return String(rest[..<end]) }
        }
        return nil
    }
}
