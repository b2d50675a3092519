import Foundation

/// Relations from files, as Soufflé's `-F DIR`: each `NAME.tsv` or `NAME.csv` in a
/// directory is the input relation NAME, one tuple per line. A field that is a
/// whole number (`-12`, `407`) is an integer, anything else text; in CSV, a quoted
/// field is always text. The arity is the number of fields on the first line.
public enum FactFiles {
    /// A problem in a fact file, with the file and line.
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public let file: String
        public let line: Int
        public let message: String

        public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
    }

    /// Registers every fact file of `directory` as an input of `engine`; the files are
    /// read only if a program uses their relations. Returns the relation names.
    @discardableResult
    public static func register(directory: String, on engine: DatalogEngine) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Problem(file: directory, line: 0, message: "no such directory (--facts needs a directory of NAME.tsv or NAME.csv files)")
        }
        let entries = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        var names: [String] = []
        for entry in entries {
            let url = URL(fileURLWithPath: directory).appendingPathComponent(entry)
            let ext = url.pathExtension.lowercased()
            guard ext == "tsv" || ext == "csv" else { continue }
            let name = url.deletingPathExtension().lastPathComponent
            guard Constant.isBareWord(name), name.first.map({ !$0.isUppercase }) ?? false else {
                throw Problem(file: url.path, line: 0, message: "'\(name)' cannot be a relation name; rename the file (letters, digits and _)")
            }
            let path = url.path
            let separator: UInt8 = ext == "csv" ? UInt8(ascii: ",") : UInt8(ascii: "\t")
            let arity = try firstLineArity(path, separator: separator)
            let constants = engine.constants
            engine.addInput(InputRelation(
                InputSignature(name: name, arity: arity, description: "from \(entry)"),
                provenance: nil,
                load: { writer in try load(path, separator: separator, into: writer, constants: constants) }))
            names.append(name)
        }
        return names
    }

    private static func read(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Problem(file: path, line: 0, message: "cannot read the file")
        }
        return [UInt8](data)
    }

    private static func firstLineArity(_ path: String, separator: UInt8) throws -> Int {
        let bytes = try read(path)
        var arity = 0
        try scan(bytes, path: path, separator: separator) { fields, _ in
            arity = fields.count
            return false
        }
        return arity
    }

    /// A field as read: its bytes and whether it was quoted.
    struct Field {
        var bytes: ArraySlice<UInt8>
        var quoted: Bool
    }

    /// Calls `body` with each non-empty line's fields; `body` returns false to stop.
    static func scan(
        _ bytes: [UInt8], path: String, separator: UInt8, _ body: ([Field], Int) throws -> Bool
    ) throws {
        let isCSV = separator == UInt8(ascii: ",")
        var index = 0
        var line = 0
        var fields: [Field] = []
        fields.reserveCapacity(8)
        while index < bytes.count {
            line += 1
            fields.removeAll(keepingCapacity: true)
            var lineEnded = false
            // An empty line (or only a carriage return) is skipped.
            if bytes[index] == 0x0A || (bytes[index] == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A) {
                index += bytes[index] == 0x0D ? 2 : 1
                continue
            }
            while !lineEnded {
                if isCSV && index < bytes.count && bytes[index] == UInt8(ascii: "\"") {
                    // A quoted CSV field: "" inside stands for ".
                    var value: [UInt8] = []
                    index += 1
                    while true {
                        guard index < bytes.count else { throw Problem(file: path, line: line, message: "a quoted field is not closed") }
                        let b = bytes[index]
                        if b == UInt8(ascii: "\"") {
                            if index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\"") {
                                value.append(b)
                                index += 2
                                continue
                            }
                            index += 1
                            break
                        }
                        if b == 0x0A { line += 1 }
                        value.append(b)
                        index += 1
                    }
                    fields.append(Field(bytes: value[...], quoted: true))
                } else {
                    let start = index
                    while index < bytes.count && bytes[index] != separator && bytes[index] != 0x0A { index += 1 }
                    var end = index
                    if end > start && bytes[end - 1] == 0x0D && (index >= bytes.count || bytes[index] == 0x0A) { end -= 1 }
                    fields.append(Field(bytes: bytes[start..<end], quoted: false))
                }
                if index >= bytes.count {
                    lineEnded = true
                } else if bytes[index] == separator {
                    index += 1
                } else if bytes[index] == 0x0A {
                    index += 1
                    lineEnded = true
                } else if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                    index += 2
                    lineEnded = true
                } else {
                    throw Problem(file: path, line: line, message: "text after a closing quote")
                }
            }
            guard try body(fields, line) else { return }
        }
    }

    /// A whole number written plainly, if the field is one.
    @inline(__always)
    static func integer(_ field: ArraySlice<UInt8>) -> Int64? {
        guard !field.isEmpty, field.count <= 20 else { return nil }
        var i = field.startIndex
        var negative = false
        if field[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
            guard i < field.endIndex else { return nil }
        }
        var value: Int64 = 0
        while i < field.endIndex {
            let digit = field[i] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (plus, o2) = times.addingReportingOverflow(Int64(digit))
            if o1 || o2 { return nil }
            value = plus
            i += 1
        }
        return negative ? -value : value
    }

    static func load(_ path: String, separator: UInt8, into writer: RelationWriter, constants: ConstantTable) throws {
        let bytes = try read(path)
        if String(validating: bytes, as: UTF8.self) == nil {
            throw Problem(file: path, line: 0, message: "the file is not valid UTF-8; save it as UTF-8")
        }
        let arity = writer.arity
        writer.reserve(bytes.count / max(1, 4 * arity))
        let tuple = UnsafeMutablePointer<UInt32>.allocate(capacity: max(1, arity))
        defer { tuple.deallocate() }
        try scan(bytes, path: path, separator: separator) { fields, line in
            guard fields.count == arity else {
                throw Problem(file: path, line: line, message: "\(fields.count) field\(fields.count == 1 ? "" : "s"), but the first line has \(arity)")
            }
            for (k, field) in fields.enumerated() {
                if !field.quoted, let n = integer(field.bytes) {
                    tuple[k] = constants.integer(n).raw
                } else {
                    tuple[k] = field.bytes.withUnsafeBytes { constants.string(utf8: $0).raw }
                }
            }
            writer.add(raw: tuple)
            return true
        }
    }
}
