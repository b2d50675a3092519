import Foundation
import TextLayout

/// A problem found in a program: what is wrong, where, and notes that help fix it.
/// Rendering is separate (`SourceFiles.render`).
public struct Diagnostic: Error, Hashable, Sendable {
    public enum Severity: String, Sendable { case error, warning }

    public var severity: Severity
    public var message: String
    public var range: SourceRange
    public var notes: [String]

    public init(_ message: String, range: SourceRange, severity: Severity = .error, notes: [String] = []) {
        self.message = message
        self.range = range
        self.severity = severity
        self.notes = notes
    }
}

/// Several diagnostics at once: a program with errors reports all it can find.
public struct DiagnosticList: Error, Sendable {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }
}

/// The texts a program was read from, to show diagnostics with their lines.
public struct SourceFiles: Sendable {
    public struct File: Sendable {
        public let name: String
        public let text: String
        let lines: [Substring]
    }

    public private(set) var files: [File] = []

    public init() {}

    /// Adds a file and returns its index, for the lexer.
    public mutating func add(name: String, text: String) -> Int {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        files.append(File(name: name, text: text, lines: lines))
        return files.count - 1
    }

    public func name(of range: SourceRange) -> String {
        range.file >= 0 && range.file < files.count ? files[range.file].name : "<command line>"
    }

    /// `file:line:column: error: message`, the line, and a caret under the culprit.
    public func render(_ diagnostic: Diagnostic) -> String {
        structured(diagnostic).rendered()
    }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(render).joined(separator: "\n")
    }

    /// The diagnostic with its file name and line text resolved, for other renderers (JSON).
    public func structured(_ diagnostic: Diagnostic) -> SourceDiagnostic {
        let range = diagnostic.range
        var lineText: String?
        if range.file >= 0, range.file < files.count, range.start.line >= 1, range.start.line <= files[range.file].lines.count {
            var line = String(files[range.file].lines[range.start.line - 1])
            if line.hasSuffix("\r") { line.removeLast() }
            lineText = line
        }
        return SourceDiagnostic(
            diagnostic.severity == .error ? .error : .warning, diagnostic.message, file: name(of: range),
            line: range.start.line, column: range.start.column, lineText: lineText, length: range.length,
            notes: diagnostic.notes)
    }
}

extension SourceFiles {
    /// `file:line: text` for the statement at `range`: its first line, trimmed, with
    /// "…" when it goes on (a label for the answer of a query).
    public func label(of range: SourceRange) -> String {
        let place = "\(name(of: range)):\(range.start.line)"
        guard range.file >= 0, range.file < files.count, range.start.line >= 1, range.start.line <= files[range.file].lines.count else {
            return place
        }
        let line = Array(files[range.file].lines[range.start.line - 1])
        let from = min(max(0, range.start.column - 1), line.count)
        let to = range.end.line == range.start.line ? min(max(from, range.end.column - 1), line.count) : line.count
        let text = String(line[from..<to]).trimmingCharacters(in: .whitespaces)
        return "\(place): \(text)\(range.end.line > range.start.line ? " …" : "")"
    }

    /// The text a range covers when it lies on one line (a term, a name), as typed.
    public func text(at range: SourceRange) -> String? {
        guard range.file >= 0, range.file < files.count, range.start.line == range.end.line,
              range.start.line >= 1, range.start.line <= files[range.file].lines.count else { return nil }
        let line = Array(files[range.file].lines[range.start.line - 1])
        let from = range.start.column - 1, to = min(range.end.column - 1, line.count)
        guard from >= 0, from < to else { return nil }
        return String(line[from..<to])
    }
}
