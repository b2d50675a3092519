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
    fileprivate struct State {
        var base: UnsafeMutablePointer<UInt32>
        var count: Int
        var capacity: Int
    }

    /// The mutable state in raw memory: appends happen in the innermost loops,
    /// where a class's stored property would cost a dynamic exclusivity check.
    private let state: UnsafeMutablePointer<State>

    init(arity: Int, capacity: Int = 16) {
        self.arity = arity
        let rows = max(capacity, 4)
        let bytes = rows * max(arity, 1) * MemoryLayout<UInt32>.stride
        let base = malloc(bytes)!.bindMemory(to: UInt32.self, capacity: rows * max(arity, 1))
        state = .allocate(capacity: 1)
        state.initialize(to: State(base: base, count: 0, capacity: rows))
    }

    deinit {
        free(state.pointee.base)
        state.deallocate()
    }

    /// The rows without the buffer object: valid while the buffer lives, also as it
    /// grows (it reads the current base each time). For the innermost loops, where
    /// holding the object would cost reference counting on every row.
    struct View {
        fileprivate let state: UnsafeMutablePointer<State>
        let arity: Int

        @inline(__always)
        func row(_ row: Int) -> UnsafeMutablePointer<UInt32> { state.pointee.base + row * arity }
    }

    var view: View { View(state: state, arity: arity) }

    @inline(__always) var count: Int { state.pointee.count }
    @inline(__always) var base: UnsafeMutablePointer<UInt32> { state.pointee.base }

    /// The first value of row `row`.
    @inline(__always)
    func row(_ row: Int) -> UnsafeMutablePointer<UInt32> { state.pointee.base + row * arity }

    @inline(__always)
    subscript(row: Int, column: Int) -> UInt32 { state.pointee.base[row * arity + column] }

    /// Appends a row copied from `values` and returns its index.
    @inline(__always)
    @discardableResult
    func append(_ values: UnsafePointer<UInt32>) -> Int {
        if state.pointee.count == state.pointee.capacity { grow() }
        let count = state.pointee.count
        if arity > 0 { (state.pointee.base + count * arity).update(from: values, count: arity) }
        state.pointee.count = count + 1
        return count
    }

    /// Drops the first `rows` rows, moving the others to the front.
    func removeFirst(_ rows: Int) {
        let count = state.pointee.count
        precondition(rows >= 0 && rows <= count)
        guard rows > 0 else { return }
        if rows < count, arity > 0 { memmove(state.pointee.base, state.pointee.base + rows * arity, (count - rows) * arity * 4) }
        state.pointee.count = count - rows
    }

    /// Drops each row equal to the one before it (rows sorted, duplicates together).
    func removeAdjacentDuplicates() {
        let count = state.pointee.count, base = state.pointee.base
        guard count > 1, arity > 0 else { return }
        var kept = 1
        for row in 1..<count where memcmp(base + row * arity, base + (kept - 1) * arity, arity * 4) != 0 {
            if kept != row { (base + kept * arity).update(from: base + row * arity, count: arity) }
            kept += 1
        }
        state.pointee.count = kept
    }

    /// Drops every row and gives the memory back.
    func removeAll() {
        state.pointee.count = 0
        guard state.pointee.capacity > 16 else { return }
        state.pointee.base = realloc(state.pointee.base, 16 * max(arity, 1) * MemoryLayout<UInt32>.stride)!
            .bindMemory(to: UInt32.self, capacity: 16 * max(arity, 1))
        state.pointee.capacity = 16
    }

    func reserve(_ rows: Int) {
        while state.pointee.capacity < rows { grow() }
    }

    /// Bytes held, for limits and statistics.
    var byteCount: Int { state.pointee.capacity * max(arity, 1) * MemoryLayout<UInt32>.stride }

    private func grow() {
        let old = state.pointee.capacity
        let capacity = old < 1 << 20 ? old * 2 : old + old / 2
        let bytes = capacity * max(arity, 1) * MemoryLayout<UInt32>.stride
        guard let grown = realloc(state.pointee.base, bytes) else { fatalError("out of memory growing a relation to \(capacity) rows") }
        state.pointee.base = grown.bindMemory(to: UInt32.self, capacity: capacity * max(arity, 1))
        state.pointee.capacity = capacity
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
