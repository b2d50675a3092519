#if canImport(Glibc)
import Glibc
#endif
import TextLayout

/// A fact file read in chunks of whole records, so that loading holds a quarter of
/// a megabyte of the file at a time rather than the whole file (once as the file's
/// bytes, again as a checked copy): a 6 MB file of 510,000 tuples costs its tuples,
/// not three times its size.
///
/// A chunk ends after the last line break outside a CSV quoted field (a quoted
/// field may hold line breaks); what follows is kept for the next chunk. Each
/// chunk is checked to be UTF-8, which it is exactly when the file is, since a
/// line break never falls inside a multi-byte character.
struct FactFileChunks {
    let path: String
    let isCSV: Bool
    private let descriptor: Int32
    private var buffer: [UInt8]
    /// Bytes of `buffer` that are filled.
    private var filled = 0
    private var atEnd = false
    /// Lines and bytes before the current chunk (for messages).
    private(set) var linesBefore = 0
    private var bytesBefore = 0
    /// The size of the file, for estimating its number of lines.
    let fileSize: Int

    static let chunkSize = 1 << 18

    init(path: String, isCSV: Bool) throws {
        self.path = path
        self.isCSV = isCSV
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw FactFiles.Problem(file: path, line: 0, message: "cannot read the file (\(String(cString: strerror(errno))))")
        }
        var status = stat()
        fileSize = fstat(descriptor, &status) == 0 ? Int(status.st_size) : 0
        buffer = [UInt8](repeating: 0, count: Self.chunkSize)
    }

    func close() {
        _ = Glibc.close(descriptor)
    }

    /// Calls `body` with the next chunk of whole records; false when the file is done.
    mutating func next(_ body: (UnsafeBufferPointer<UInt8>, _ linesBefore: Int) throws -> Void) throws -> Bool {
        // Fill the buffer (growing it if one record is longer than it), then cut after the last record.
        var cut = -1
        while cut < 0 {
            if !atEnd {
                if filled == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
                let count = buffer.withUnsafeMutableBytes { raw in read(descriptor, raw.baseAddress! + filled, raw.count - filled) }
                if count < 0 {
                    if errno == EINTR { continue }
                    throw FactFiles.Problem(file: path, line: 0, message: "cannot read the file (\(String(cString: strerror(errno))))")
                }
                if count == 0 { atEnd = true } else { filled += count }
            }
            if atEnd {
                cut = filled
            } else {
                cut = lastRecordEnd()
            }
        }
        guard cut > 0 else { return false }
        if let bad = UTF8Validation.firstInvalidIndex(buffer[0..<cut]) {
            let located = UTF8Text.diagnostic(
                Array(buffer[0..<cut]), invalidAt: bad, file: path, firstLine: linesBefore + 1, firstByte: bytesBefore)
            throw FactFiles.Problem(file: path, line: located.line, message: "column \(located.column): \(located.message); save the file as UTF-8")
        }
        try buffer.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[0..<cut]), linesBefore) }
        linesBefore += buffer[0..<cut].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        bytesBefore += cut
        // Keep what follows the cut for the next chunk.
        let rest = filled - cut
        if rest > 0 { buffer.withUnsafeMutableBufferPointer { $0.baseAddress!.update(from: $0.baseAddress! + cut, count: rest) } }
        filled = rest
        return true
    }

    /// Just after the last line break of the buffer that ends a record; -1 if none yet.
    private func lastRecordEnd() -> Int {
        guard isCSV else {
            var i = filled - 1
            while i >= 0 && buffer[i] != 0x0A { i -= 1 }
            return i >= 0 ? i + 1 : -1
        }
        // As the reader sees CSV: a field that starts with a quote runs to the quote
        // that closes it ("" inside stands for one quote), line breaks included.
        var end = -1
        var i = 0
        var fieldStart = true
        while i < filled {
            let b = buffer[i]
            if fieldStart && b == UInt8(ascii: "\"") {
                i += 1
                while i < filled {
                    if buffer[i] == UInt8(ascii: "\"") {
                        if i + 1 < filled && buffer[i + 1] == UInt8(ascii: "\"") { i += 2; continue }
                        break
                    }
                    i += 1
                }
                if i >= filled { return end }
                fieldStart = false
            } else if b == 0x0A {
                end = i + 1
                fieldStart = true
            } else {
                fieldStart = b == UInt8(ascii: ",")
            }
            i += 1
        }
        return end
    }
}
