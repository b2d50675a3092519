import TextLayout
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
                InputSignature(name: name, arity: arity, description: "from \(entry)", file: path),
                provenance: nil,
                load: { writer in try load(path, separator: separator, into: writer, constants: constants) }))
            names.append(name)
        }
        return names
    }

    /// The number of fields of the file's first line (0 for an empty file).
    private static func firstLineArity(_ path: String, separator: UInt8) throws -> Int {
        var chunks = try FactFileChunks(path: path, isCSV: separator == UInt8(ascii: ","))
        defer { chunks.close() }
        var arity = 0
        _ = try chunks.next { bytes, _ in
            var reader = Reader(bytes, path: path, separator: separator)
            arity = try reader.next() ? reader.fields.count : 0
        }
        return arity
    }

    /// A field of the current line: a range of the file's bytes, or of the reader's
    /// scratch bytes for a quoted CSV field (whose doubled quotes were undone).
    struct Field {
        var start: Int
        var end: Int
        var quoted: Bool
    }

    /// Reads a fact file line by line over its raw bytes, without copying fields or
    /// touching reference counts per field (850,000 lines should load in tens of ms).
    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        let path: String
        let separator: UInt8
        private(set) var fields: [Field] = []
        private(set) var scratch: [UInt8] = []
        private(set) var line = 0
        private var index = 0

        /// `linesBefore`: the lines of the file before `bytes`, so that messages give the file's line.
        init(_ bytes: UnsafeBufferPointer<UInt8>, path: String, separator: UInt8, linesBefore: Int = 0) {
            self.bytes = bytes
            self.path = path
            self.separator = separator
            line = linesBefore
            fields.reserveCapacity(8)
        }

        /// The bytes of a field of the current line.
        func withField<R>(_ field: Field, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
            if field.quoted {
                return scratch.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[field.start..<field.end])) }
            }
            return body(UnsafeBufferPointer(rebasing: bytes[field.start..<field.end]))
        }

        /// Reads the next non-empty line's fields; false at the end.
        mutating func next() throws -> Bool {
            let isCSV = separator == UInt8(ascii: ",")
            let count = bytes.count
            while index < count {
                line += 1
                fields.removeAll(keepingCapacity: true)
                scratch.removeAll(keepingCapacity: true)
                if bytes[index] == 0x0A { index += 1; continue }
                if bytes[index] == 0x0D, index + 1 < count, bytes[index + 1] == 0x0A { index += 2; continue }
                while true {
                    if isCSV && index < count && bytes[index] == UInt8(ascii: "\"") {
                        // A quoted CSV field: "" inside stands for ".
                        let start = scratch.count
                        index += 1
                        while true {
                            guard index < count else { throw Problem(file: path, line: line, message: "a quoted field is not closed") }
                            let b = bytes[index]
                            if b == UInt8(ascii: "\"") {
                                if index + 1 < count && bytes[index + 1] == UInt8(ascii: "\"") {
                                    scratch.append(b)
                                    index += 2
                                    continue
                                }
                                index += 1
                                break
                            }
                            if b == 0x0A { line += 1 }
                            scratch.append(b)
                            index += 1
                        }
                        fields.append(Field(start: start, end: scratch.count, quoted: true))
                    } else {
                        let start = index
                        while index < count && bytes[index] != separator && bytes[index] != 0x0A { index += 1 }
                        var end = index
                        if end > start && bytes[end - 1] == 0x0D && (index >= count || bytes[index] == 0x0A) { end -= 1 }
                        fields.append(Field(start: start, end: end, quoted: false))
                    }
                    if index >= count { return true }
                    if bytes[index] == separator { index += 1; continue }
                    if bytes[index] == 0x0A { index += 1; return true }
                    if bytes[index] == 0x0D, index + 1 < count, bytes[index + 1] == 0x0A { index += 2; return true }
                    throw Problem(file: path, line: line, message: "text after a closing quote")
                }
            }
            return false
        }
    }

    /// A whole number written plainly, if the field is one.
    @inline(__always)
    static func integer(_ field: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard !field.isEmpty, field.count <= 20 else { return nil }
        var i = 0
        var negative = false
        if field[0] == UInt8(ascii: "-") {
            negative = true
            i = 1
            guard i < field.count else { return nil }
        }
        var value: Int64 = 0
        while i < field.count {
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

    /// Reads the file's tuples into `writer`, a chunk of whole lines at a time.
    static func load(_ path: String, separator: UInt8, into writer: RelationWriter, constants: ConstantTable) throws {
        let arity = writer.arity
        var chunks = try FactFileChunks(path: path, isCSV: separator == UInt8(ascii: ","))
        defer { chunks.close() }
        let batch = RelationWriter.Batch(writer: writer)
        let fileSize = chunks.fileSize
        var reserved = false
        while try chunks.next({ bytes, linesBefore in
            if !reserved {
                // Room for the file's lines, estimated from the first chunk's.
                let lines = max(1, bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) })
                writer.reserve(Int(Double(fileSize) / Double(max(1, bytes.count)) * Double(lines)) + 1)
                reserved = true
            }
            var reader = Reader(bytes, path: path, separator: separator, linesBefore: linesBefore)
            while try reader.next() {
                guard reader.fields.count == arity else {
                    let n = reader.fields.count
                    throw Problem(file: path, line: reader.line, message: "\(n) field\(n == 1 ? "" : "s"), but the first line has \(arity)")
                }
                let tuple = batch.nextTuple()
                for (k, field) in reader.fields.enumerated() {
                    tuple[k] = reader.withField(field) { value in
                        if !field.quoted, let n = integer(value) { return constants.integer(n).raw }
                        return constants.string(utf8: UnsafeRawBufferPointer(value)).raw
                    }
                }
                batch.commitTuple()
            }
        }) {}
        batch.flush()
    }
}
