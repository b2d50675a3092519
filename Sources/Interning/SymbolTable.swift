/// Interned strings: each distinct string is stored once, as UTF-8 bytes in one
/// arena, and named by a 32-bit symbol.
///
/// Swift's `String` hashes and compares by Unicode canonical equivalence, which
/// normalises non-ASCII text on every hash; for Japanese ids that cost most of the
/// store's time. Here strings are compared by their bytes (callers normalise to
/// NFKC where meaning must match) and hashed with a fast word-at-a-time mix, in an
/// open-addressing table with linear probing that keeps each symbol's hash to skip
/// most byte comparisons.
///
/// Symbol 0 is the empty string. A value type: copies share storage until written.
public struct SymbolTable: Sendable {
    public typealias Symbol = UInt32

    /// All strings' bytes, back to back.
    private var arena: [UInt8] = []
    /// `ends[i]` is where symbol i's bytes end in the arena (they start at `ends[i - 1]`, or 0).
    private var ends: [UInt32] = [0]
    private var hashes: [UInt32] = [ByteHash.hash32(UnsafeRawBufferPointer(start: nil, count: 0))]
    /// Open-addressing table: 0 is empty, otherwise symbol + 1. Its size is a power of two.
    private var slots: [UInt32]

    public init() {
        slots = [UInt32](repeating: 0, count: 16)
        insertSlot(symbol: 0, hash: hashes[0])
    }

    public var count: Int { ends.count }

    /// Bytes held: the strings and the table that finds them.
    public var byteCount: Int { arena.capacity + (ends.capacity + hashes.capacity + slots.capacity) * 4 }

    /// The symbol of the string whose UTF-8 bytes are `bytes`, adding it if new.
    public mutating func intern(_ bytes: UnsafeRawBufferPointer) -> Symbol {
        let hash = ByteHash.hash32(bytes)
        if let found = find(bytes, hash: hash) { return found }
        let symbol = Symbol(ends.count)
        arena.append(contentsOf: bytes)
        ends.append(UInt32(arena.count))
        hashes.append(hash)
        if ends.count * 4 > slots.count * 3 { grow() } else { insertSlot(symbol: symbol, hash: hash) }
        return symbol
    }

    public mutating func intern(_ text: String) -> Symbol {
        var text = text
        return text.withUTF8 { intern(UnsafeRawBufferPointer($0)) }
    }

    public func lookup(_ text: String) -> Symbol? {
        var text = text
        return text.withUTF8 { utf8 in
            let bytes = UnsafeRawBufferPointer(utf8)
            return find(bytes, hash: ByteHash.hash32(bytes))
        }
    }

    public subscript(symbol: Symbol) -> String {
        withBytes(of: symbol) { String(decoding: $0, as: UTF8.self) }
    }

    /// Lends the UTF-8 bytes of a symbol.
    public func withBytes<R>(of symbol: Symbol, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let index = Int(symbol)
        let start = index == 0 ? 0 : Int(ends[index - 1])
        let end = Int(ends[index])
        return try arena.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[start..<end])) }
    }

    private func find(_ bytes: UnsafeRawBufferPointer, hash: UInt32) -> Symbol? {
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        return arena.withUnsafeBytes { arenaBytes in
            while true {
                let entry = slots[slot]
                if entry == 0 { return nil }
                let symbol = Int(entry - 1)
                if hashes[symbol] == hash {
                    let start = symbol == 0 ? 0 : Int(ends[symbol - 1])
                    let length = Int(ends[symbol]) - start
                    if length == bytes.count
                        && (length == 0 || memcmp(arenaBytes.baseAddress! + start, bytes.baseAddress!, length) == 0) {
                        return Symbol(symbol)
                    }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    private mutating func insertSlot(symbol: Symbol, hash: UInt32) {
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = symbol + 1
    }

    private mutating func grow() {
        slots = [UInt32](repeating: 0, count: slots.count * 2)
        for symbol in 0..<ends.count { insertSlot(symbol: Symbol(symbol), hash: hashes[symbol]) }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
