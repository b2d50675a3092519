#if canImport(Glibc)
import Glibc
#endif

/// The set of a relation's rows, for deduplication: "is this tuple new?".
///
/// Open addressing with linear probing over 32-bit slots that hold a row number
/// (27 bits) and 5 bits of the hash, so most probes are decided without reading
/// the row. The table is split into 256 segments by the hash's top bits, and each
/// segment grows by half when 85% full: growth never holds two copies of the whole
/// table, and the average load stays near 70% (about 5.7 bytes per row).
final class TupleSet {
    /// Rows are limited to 2^27 - 1 per relation by the slot format; the evaluator's
    /// tuple ceiling is far below.
    static let maxRows = (1 << 27) - 1
    private static let segmentBits = 8
    private static let rowMask: UInt32 = (1 << 27) - 1

    private struct Segment {
        var slots: UnsafeMutablePointer<UInt32>
        var capacity: Int
        var count: Int
    }

    private var segments: [Segment]
    private let rows: TupleBuffer

    init(rows: TupleBuffer) {
        self.rows = rows
        segments = (0..<(1 << TupleSet.segmentBits)).map { _ in
            let capacity = 4
            let slots = calloc(capacity, MemoryLayout<UInt32>.stride)!.bindMemory(to: UInt32.self, capacity: capacity)
            return Segment(slots: slots, capacity: capacity, count: 0)
        }
    }

    deinit { for segment in segments { free(segment.slots) } }

    var byteCount: Int { segments.reduce(0) { $0 + $1.capacity * 4 } }

    @inline(__always)
    private static func segmentIndex(_ hash: UInt64) -> Int { Int(hash >> (64 - UInt64(segmentBits))) }

    @inline(__always)
    private static func home(_ hash: UInt64, _ capacity: Int) -> Int {
        Int((UInt64(UInt32(truncatingIfNeeded: hash)) &* UInt64(capacity)) >> 32)
    }

    @inline(__always)
    private static func tag(_ hash: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: hash >> 32) & 0xF800_0000 }

    /// The row holding `tuple`, if any.
    @inline(__always)
    func find(_ tuple: UnsafePointer<UInt32>) -> Int? {
        let arity = rows.arity
        let hash = TupleHash.hash(tuple, count: arity)
        let segment = segments[Self.segmentIndex(hash)]
        let tag = Self.tag(hash)
        var slot = Self.home(hash, segment.capacity)
        while true {
            let value = segment.slots[slot]
            if value == 0 { return nil }
            if value & 0xF800_0000 == tag {
                let row = Int(value & Self.rowMask) - 1
                if Self.equal(rows.row(row), tuple, arity) { return row }
            }
            slot += 1
            if slot == segment.capacity { slot = 0 }
        }
    }

    /// Appends `tuple` to the rows if it is not there yet; returns its new row, or nil if it was there.
    @inline(__always)
    func insert(_ tuple: UnsafePointer<UInt32>) -> Int? {
        let arity = rows.arity
        let hash = TupleHash.hash(tuple, count: arity)
        let index = Self.segmentIndex(hash)
        let tag = Self.tag(hash)
        var segment = segments[index]
        var slot = Self.home(hash, segment.capacity)
        while true {
            let value = segment.slots[slot]
            if value == 0 { break }
            if value & 0xF800_0000 == tag {
                let row = Int(value & Self.rowMask) - 1
                if Self.equal(rows.row(row), tuple, arity) { return nil }
            }
            slot += 1
            if slot == segment.capacity { slot = 0 }
        }
        let row = rows.append(tuple)
        segment.slots[slot] = tag | UInt32(row + 1)
        segment.count += 1
        segments[index] = segment
        if segment.count * 20 > segment.capacity * 17 { grow(index) }
        return row
    }

    @inline(__always)
    private static func equal(_ a: UnsafePointer<UInt32>, _ b: UnsafePointer<UInt32>, _ arity: Int) -> Bool {
        var i = 0
        while i < arity {
            if a[i] != b[i] { return false }
            i += 1
        }
        return true
    }

    private func grow(_ index: Int) {
        let old = segments[index]
        let capacity = old.capacity + old.capacity / 2 + 1
        let slots = calloc(capacity, MemoryLayout<UInt32>.stride)!.bindMemory(to: UInt32.self, capacity: capacity)
        for i in 0..<old.capacity {
            let value = old.slots[i]
            if value == 0 { continue }
            let row = Int(value & Self.rowMask) - 1
            let hash = TupleHash.hash(rows.row(row), count: rows.arity)
            var slot = Self.home(hash, capacity)
            while slots[slot] != 0 {
                slot += 1
                if slot == capacity { slot = 0 }
            }
            slots[slot] = value
        }
        free(old.slots)
        segments[index] = Segment(slots: slots, capacity: capacity, count: old.count)
    }
}
