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

extension Diagnostic {
    /// How many diagnostics one parse or analysis keeps; the rest are only counted,
    /// so that a hostile program cannot fill memory with its errors.
    public static let collectionLimit = 1_000
    /// How many diagnostics a front end shows before "… and N more".
    public static let displayLimit = 100

    /// The line after the diagnostics shown, for the `count` not shown.
    public static func more(_ count: Int) -> String {
        "… and \(count.grouped) more error\(count == 1 ? "" : "s") (fix the ones above first)"
    }
}

/// Several diagnostics at once: a program with errors reports all it can find
/// (up to `Diagnostic.collectionLimit`; `omitted` counts those found beyond).
public struct DiagnosticList: Error, Sendable {
    public var diagnostics: [Diagnostic]
    /// Diagnostics found but not kept.
    public var omitted: Int
    /// Set when analysis did not fail on the program but was stopped (the time
    /// limit, a cancellation); its one diagnostic says so.
    public var stoppedBy: EvaluationError?

    public init(_ diagnostics: [Diagnostic], omitted: Int = 0, stoppedBy: EvaluationError? = nil) {
        self.diagnostics = diagnostics
        self.omitted = omitted
        self.stoppedBy = stoppedBy
    }

    /// Every diagnostic found, kept or not.
    public var count: Int { diagnostics.count + omitted }
}

/// Diagnostics gathered up to `Diagnostic.collectionLimit`, the rest counted.
struct DiagnosticCollector: Sendable {
    private(set) var kept: [Diagnostic] = []
    private(set) var omitted = 0

    var isFull: Bool { kept.count >= Diagnostic.collectionLimit }
    var count: Int { kept.count + omitted }
    var isEmpty: Bool { count == 0 }

    mutating func add(_ diagnostic: Diagnostic) {
        if isFull { omitted += 1 } else { kept.append(diagnostic) }
    }

    mutating func add(contentsOf other: DiagnosticCollector) {
        for diagnostic in other.kept { add(diagnostic) }
        omitted += other.omitted
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

    /// The first `Diagnostic.displayLimit` diagnostics, then how many more there are
    /// (`omitted` counts those that were found but not kept).
    public func render(_ diagnostics: [Diagnostic], omitted: Int = 0) -> String {
        var text = diagnostics.prefix(Diagnostic.displayLimit).map(render).joined(separator: "\n")
        let rest = diagnostics.count - min(diagnostics.count, Diagnostic.displayLimit) + omitted
        if rest > 0 { text += "\n" + Diagnostic.more(rest) }
        return text
    }

    public func render(_ list: DiagnosticList) -> String {
        render(list.diagnostics, omitted: list.omitted)
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
