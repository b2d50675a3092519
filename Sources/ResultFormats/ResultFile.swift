import Foundation
import OutputFiles

/// Answers written as one output, a file or standard output, in one format: text
/// formats one block after another (a blank line between), a workbook one sheet
/// per answer. A table names each block by its label (the query it answers) when
/// there are several; CSV starts with the byte-order mark that Excel needs to read
/// UTF-8 when `byteOrderMark` is set (the front ends set it for files).
public enum ResultFile {
    /// One answer, and the query it answers (`Queries/year-changes.dl:11: ?- added(Title).`).
    public struct Block: Sendable {
        public var result: ResultSet
        public var label: String?

        public init(result: ResultSet, label: String? = nil) {
            self.result = result
            self.label = label
        }
    }

    /// The UTF-8 byte-order mark.
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The bytes of `blocks` in the format `name` (one of `ResultFormats.names`);
    /// `text` is the text format to use for it when the caller has one set up (a
    /// table of the terminal's width, times off).
    public static func bytes(_ blocks: [Block], format name: String, text: ResultFormat? = nil, byteOrderMark: Bool = false) -> [UInt8] {
        if name == "xlsx" {
            return XLSXWorkbook.bytes(blocks.enumerated().map { index, block in
                XLSXWorkbook.Sheet(name: sheetName(block.label, index: index), result: block.result, label: block.label)
            })
        }
        let format = text ?? ResultFormats.named(name) ?? TableFormat()
        let labelled = format is TableFormat || format is VerticalFormat
        var out = byteOrderMark && format is CSVFormat ? Self.byteOrderMark : []
        for (index, block) in blocks.enumerated() {
            var result = block.result
            if labelled, let label = block.label {
                result.caption = [label, result.caption].compactMap { $0 }.joined(separator: "\n")
            }
            if index > 0 && !(format is JSONFormat) { out.append(UInt8(ascii: "\n")) }
            out += Array(format.render(result).utf8)
        }
        return out
    }

    /// Writes `bytes` to `path` whole (see `OutputFile`): a failed write never leaves
    /// half a file, and a device or a pipe (`-o /dev/stdout`) is written, not replaced.
    public static func save(_ bytes: [UInt8], to path: String) throws(SaveError) {
        do { try OutputFile.write(bytes, to: path) } catch {
            throw SaveError(path: path, reason: error.reason)
        }
    }

    /// A file that could not be written, and why.
    public struct SaveError: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "\(path) cannot be written (\(reason))" }
    }

    /// A sheet's name from its label: the file's name and the line (`year-changes.dl 11`).
    static func sheetName(_ label: String?, index: Int) -> String {
        guard let label, let colon = label.range(of: ":") else { return "Sheet\(index + 1)" }
        let file = label[..<colon.lowerBound].split(separator: "/").last.map(String.init) ?? ""
        let line = label[colon.upperBound...].prefix { $0.isNumber }
        return line.isEmpty ? "Sheet\(index + 1)" : "\(file) \(line)"
    }
}
