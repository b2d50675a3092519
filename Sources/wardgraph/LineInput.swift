import Foundation
import TextLayout
import TransactionLog

/// Lines of a file or of standard input, read as they arrive (so that `assert
/// --batch N` commits while its input is still being written), checked for UTF-8.
final class LineInput {
    /// The name used in messages: the path, or `<stdin>`.
    let name: String
    private let handle: Foundation.FileHandle
    private var pending: [UInt8] = []
    /// Where the unread part of `pending` starts.
    private var start = 0
    private var atEnd = false
    private(set) var lineNumber = 0
    /// Bytes of the input before the current line.
    private var lineOffset = 0

    /// Opens `path`, or standard input for nil or `-`.
    init(path: String?) throws {
        if let path, path != "-" {
            guard let handle = Foundation.FileHandle(forReadingAtPath: path) else {
                throw CommandFailure("\(path): cannot open for reading (does it exist, and may you read it?)")
            }
            if FileSystem.isDirectory(path) {
                throw CommandFailure("\(path) is a directory, not a file of facts")
            }
            self.handle = handle
            name = path
        } else {
            handle = .standardInput
            name = "<stdin>"
        }
    }

    /// The next line without its line break; nil at the end of the input.
    func next() throws -> String? {
        while true {
            if let newline = pending[start...].firstIndex(of: 0x0A) {
                let bytes = pending[start..<newline]
                start = newline + 1
                return try decode(bytes)
            }
            if atEnd {
                guard start < pending.count else { return nil }
                let bytes = pending[start...]
                start = pending.count
                return try decode(bytes)
            }
            pending.removeSubrange(..<start)
            start = 0
            let chunk = handle.availableData
            if chunk.isEmpty { atEnd = true } else { pending.append(contentsOf: chunk) }
        }
    }

    private func decode(_ bytes: ArraySlice<UInt8>) throws -> String {
        lineNumber += 1
        defer { lineOffset += bytes.count + 1 }
        let text: String
        do { text = try UTF8Text.decode(bytes, file: name, firstLine: lineNumber, firstByte: lineOffset) } catch {
            throw CommandFailure("the input is not UTF-8 text", diagnostics: [error])
        }
        return text.hasSuffix("\r") ? String(text.dropLast()) : text
    }
}
