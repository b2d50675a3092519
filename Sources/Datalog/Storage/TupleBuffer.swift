#if canImport(Glibc)
import Glibc
#endif

/// The rows of a relation, back to back: `arity` 32-bit values per row, no per-row
/// objects.
///
/// Memory comes from `malloc` and grows with `realloc`, which for large blocks
/// remaps pages instead of copying, so growing a relation of millions of rows does
/// not hold two copies at once (Swift's `Array` would).
final class TupleBuffer {
    let arity: Int
    private(set) var count = 0
    private(set) var base: UnsafeMutablePointer<UInt32>
    private var capacity: Int

    init(arity: Int, capacity: Int = 16) {
        self.arity = arity
        self.capacity = max(capacity, 4)
        base = UnsafeMutablePointer<UInt32>.allocate(capacity: self.capacity * max(arity, 1))
        // Allocated with Swift's allocator; grown below with realloc, so switch to malloc now.
        let bytes = self.capacity * max(arity, 1) * MemoryLayout<UInt32>.stride
        base.deallocate()
        base = malloc(bytes)!.bindMemory(to: UInt32.self, capacity: self.capacity * max(arity, 1))
    }

    deinit { free(base) }

    /// The first value of row `row`.
    @inline(__always)
    func row(_ row: Int) -> UnsafeMutablePointer<UInt32> { base + row * arity }

    @inline(__always)
    subscript(row: Int, column: Int) -> UInt32 { base[row * arity + column] }

    /// Appends a row copied from `values` and returns its index.
    @inline(__always)
    @discardableResult
    func append(_ values: UnsafePointer<UInt32>) -> Int {
        if count == capacity { grow() }
        if arity > 0 { (base + count * arity).update(from: values, count: arity) }
        count += 1
        return count - 1
    }

    func reserve(_ rows: Int) {
        while capacity < rows { grow() }
    }

    /// Bytes held, for limits and statistics.
    var byteCount: Int { capacity * max(arity, 1) * MemoryLayout<UInt32>.stride }

    private func grow() {
        capacity = capacity < 1 << 20 ? capacity * 2 : capacity + capacity / 2
        let bytes = capacity * max(arity, 1) * MemoryLayout<UInt32>.stride
        guard let grown = realloc(base, bytes) else { fatalError("out of memory growing a relation to \(capacity) rows") }
        base = grown.bindMemory(to: UInt32.self, capacity: capacity * max(arity, 1))
    }
}

/// Hashing of tuples and keys made of 32-bit values.
enum TupleHash {
    @inline(__always)
    static func hash(_ values: UnsafePointer<UInt32>, count: Int) -> UInt64 {
        var h: UInt64 = 0x243F_6A88_85A3_08D3
        var i = 0
        while i + 1 < count {
            h = mix(h, UInt64(values[i]) | UInt64(values[i + 1]) << 32)
            i += 2
        }
        if i < count { h = mix(h, UInt64(values[i])) }
        return finish(h)
    }

    /// The hash of the values in `columns` of a row, equal to `hash` of those values in order.
    @inline(__always)
    static func hash(row: UnsafePointer<UInt32>, columns: UnsafePointer<Int>, count: Int) -> UInt64 {
        var h: UInt64 = 0x243F_6A88_85A3_08D3
        var i = 0
        while i + 1 < count {
            h = mix(h, UInt64(row[columns[i]]) | UInt64(row[columns[i + 1]]) << 32)
            i += 2
        }
        if i < count { h = mix(h, UInt64(row[columns[i]])) }
        return finish(h)
    }

    @inline(__always)
    static func mix(_ h: UInt64, _ word: UInt64) -> UInt64 {
        let x = (h ^ word) &* 0x9E37_79B9_7F4A_7C15
        return (x << 26) | (x >> 38)
    }

    @inline(__always)
    static func finish(_ h: UInt64) -> UInt64 {
        var z = h
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
