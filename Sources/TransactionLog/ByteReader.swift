/// Reads what `ByteWriter` wrote, from a borrowed buffer, without copying.
///
/// Every read is bounds-checked and throws `ByteReader.Malformed` instead of trapping:
/// the bytes come from a file that may be damaged.
public struct ByteReader {
    /// The bytes ran out or did not form what was expected.
    public struct Malformed: Error, Sendable, CustomStringConvertible {
        public let offset: Int
        public let what: String

        public init(offset: Int, what: String) {
            self.offset = offset
            self.what = what
        }

        public var description: String { "\(what) at byte \(offset) of the record" }
    }

    public let buffer: UnsafeRawBufferPointer
    public private(set) var offset: Int

    public init(_ buffer: UnsafeRawBufferPointer, offset: Int = 0) {
        self.buffer = buffer
        self.offset = offset
    }

    public var isAtEnd: Bool { offset >= buffer.count }
    public var remaining: Int { buffer.count - offset }

    public mutating func byte() throws -> UInt8 {
        guard offset < buffer.count else { throw Malformed(offset: offset, what: "unexpected end of data") }
        defer { offset += 1 }
        return buffer[offset]
    }

    public mutating func uint32LE() throws -> UInt32 {
        guard remaining >= 4 else { throw Malformed(offset: offset, what: "unexpected end of data") }
        defer { offset += 4 }
        return UInt32(buffer[offset]) | UInt32(buffer[offset + 1]) << 8
            | UInt32(buffer[offset + 2]) << 16 | UInt32(buffer[offset + 3]) << 24
    }

    public mutating func varint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < buffer.count else { throw Malformed(offset: offset, what: "unexpected end of data in a number") }
            let b = buffer[offset]
            offset += 1
            if shift == 63 && b > 1 { throw Malformed(offset: offset - 1, what: "number too large") }
            result |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return result }
            shift += 7
            if shift > 63 { throw Malformed(offset: offset, what: "number too long") }
        }
    }

    /// A varint that must fit an `Int` no larger than `limit`.
    public mutating func count(limit: Int = Int(Int32.max)) throws -> Int {
        let start = offset
        let value = try varint()
        guard value <= UInt64(limit) else { throw Malformed(offset: start, what: "count \(value) out of range") }
        return Int(value)
    }

    public mutating func signedVarint() throws -> Int64 {
        let raw = try varint()
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }

    /// The raw bytes of a length-prefixed string, without decoding them.
    public mutating func stringBytes() throws -> UnsafeRawBufferPointer {
        let length = try count()
        guard remaining >= length else { throw Malformed(offset: offset, what: "string runs past the end") }
        defer { offset += length }
        return UnsafeRawBufferPointer(rebasing: buffer[offset..<offset + length])
    }

    /// A length-prefixed string; invalid UTF-8 is an error, not a replacement character.
    public mutating func string() throws -> String {
        let start = offset
        let raw = try stringBytes()
        guard let text = String(validating: raw.assumingMemoryBound(to: UInt8.self), as: UTF8.self) else {
            throw Malformed(offset: start, what: "invalid UTF-8 in a string")
        }
        return text
    }
}
