import Foundation

/// Input relations as Soufflé fact files: `NAME.facts` per relation and a
/// `schema.dl` declaring them, the directory to give `souffle -F`.
///
/// Fields are tab-separated, one tuple per line. Soufflé reads them with
/// `rfc4180=true` (see `SouffleSyntax.inputDirective`), so a text that starts with
/// `"` or holds a tab or a line break is quoted, with `""` for each `"` inside;
/// any other text is written as it is, Japanese included. A number column holds
/// decimal numbers (Soufflé's 32 bits); a column of texts and numbers is a symbol
/// column and its numbers are written in decimal.
public enum SouffleFacts {
    /// A value Soufflé cannot read back as it is.
    public struct Problem: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// Writes `relations` of `engine`'s inputs into `directory` (created if needed);
    /// returns each relation's number of tuples, in the order given.
    @discardableResult
    public static func write(_ relations: [String], of engine: DatalogEngine, to directory: String) throws -> [(relation: String, tuples: Int)] {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var schema = """
        // WardGraph relations as Soufflé fact files, written by `wardgraph export --format souffle`.
        // `wardgraph translate --to souffle PROGRAM.dl` declares these same inputs; with
        // a program of your own, #include "schema.dl" and run souffle -F THIS_DIRECTORY.

        """
        var counts: [(relation: String, tuples: Int)] = []
        for name in relations {
            let types = try engine.columnTypes(of: name)
            let tuples = try engine.inputTuples(name)
            var text = ""
            for tuple in tuples {
                for (column, value) in tuple.enumerated() {
                    if column > 0 { text += "\t" }
                    text += try field(value, types[column], engine.constants, relation: name)
                }
                text += "\n"
            }
            let path = directory + "/" + name + ".facts"
            guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
                throw Problem(description: "\(path): cannot write the file")
            }
            let souffle = SouffleSyntax.relation(name)
            let columns = types.enumerated().map { "c\($0.offset + 1): \($0.element == .integer ? "number" : "symbol")" }
            schema += ".decl \(souffle)(\(columns.joined(separator: ", ")))\n"
            schema += SouffleSyntax.inputDirective(souffle, relation: name, file: nil) + "\n"
            counts.append((name, tuples.count))
        }
        guard FileManager.default.createFile(atPath: directory + "/schema.dl", contents: Data(schema.utf8)) else {
            throw Problem(description: "\(directory)/schema.dl: cannot write the file")
        }
        return counts
    }

    /// One value as a field of a column of `type`.
    static func field(_ value: Value, _ type: ColumnType, _ constants: ConstantTable, relation: String) throws -> String {
        if let n = constants.integerValue(value) {
            guard SouffleSyntax.numberRange.contains(n) else {
                throw Problem(description: "\(relation): the number \(n) does not fit Soufflé's 32-bit number")
            }
            return String(n)
        }
        let text = constants.display(value)
        if text.unicodeScalars.contains("\0") { throw Problem(description: "\(relation): a text with a NUL character, which Soufflé cannot read") }
        return quoted(text)
    }

    /// A text as a field: quoted (RFC 4180) only when it must be.
    static func quoted(_ text: String) -> String {
        let needsQuotes = text.isEmpty || text.hasPrefix("\"") || text.contains { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
