/// A place in a program's text: the file (by index into the program's sources), and
/// the line and column where something starts and ends.
///
/// Columns count Characters of the original line, from 1, so diagnostics can put a
/// caret under the right character even after the lexer has NFKC-normalised the text.
public struct SourceLocation: Hashable, Sendable, Comparable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
}

public struct SourceRange: Hashable, Sendable {
    /// Index of the source file in `SourceFiles`.
    public var file: Int
    public var start: SourceLocation
    /// The location just after the last character.
    public var end: SourceLocation

    public init(file: Int, start: SourceLocation, end: SourceLocation) {
        self.file = file
        self.start = start
        self.end = end
    }

    /// From the start of `self` to the end of `other`.
    public func through(_ other: SourceRange) -> SourceRange {
        SourceRange(file: file, start: start, end: other.end)
    }

    /// Whether `other` lies within this range, in the same file.
    public func contains(_ other: SourceRange) -> Bool {
        file == other.file && start <= other.start && other.end <= end
    }

    /// How many characters to underline, when on one line.
    public var length: Int {
        start.line == end.line ? max(1, end.column - start.column) : 1
    }

    /// A range for things that come from no text (command-line parameters, the engine).
    public static let none = SourceRange(file: -1, start: SourceLocation(line: 0, column: 0), end: SourceLocation(line: 0, column: 0))
}
