#if canImport(Glibc)
import Glibc
#endif

/// The set of a relation's rows, for deduplication: "is this tuple new?".
///
/// Open addressing with linear probing over 32-bit slots that hold a row number
/// (27 bits) and 5 bits of the hash, so most probes are decided without reading
/// the row. The table is split into 1,024 segments, and each segment grows by half
/// when 85% full: growth never holds two copies of the whole table, and the average
/// load stays near 70% (about 5.7 bytes per row).
///
/// The segment is chosen by the tuple's *first* value: the tuples a rule derives
/// from one binding usually share it (`path(X, Z)` for one X), so successive
/// inserts land in one small segment that stays in the cache, instead of all over
/// a table of tens of megabytes.
///
/// A segment holds no memory of its own until its first row: it points at one
/// shared empty slot, which every probe reads as "not here". An empty set is then
/// 16 KiB of segment headers instead of 57 KiB with 1,024 small allocations, which
/// matters for programs of thousands of small relations.
final class TupleSet {
    /// Rows are limited to 2^27 - 1 per relation by the slot format; the evaluator's
    /// tuple ceiling is far below.
    static let maxRows = (1 << 27) - 1
    private static let segmentBits = 10
    private static let rowMask: UInt32 = (1 << 27) - 1

    private struct Segment {
        var slots: UnsafeMutablePointer<UInt32>
        /// 0 while `slots` is the shared empty slot.
        var capacity: Int32
        var count: Int32

        static var empty: Segment { Segment(slots: TupleSet.emptySlot, capacity: 0, count: 0) }
    }

    /// The one slot every segment without rows points at: always 0, never written.
    private nonisolated(unsafe) static let emptySlot: UnsafeMutablePointer<UInt32> = {
        let slot = UnsafeMutablePointer<UInt32>.allocate(capacity: 1)
        slot.initialize(to: 0)
        return slot
    }()

    /// In raw memory, for the same reason as `TupleBuffer`'s state.
    private let segments: UnsafeMutablePointer<Segment>
    private static let segmentCount = 1 << segmentBits
    private let rows: TupleBuffer
    /// Where `touch` keeps what it read.
    private let touched: UnsafeMutablePointer<UInt32>
    /// Slots of all segments together, kept as they grow, so that `byteCount` is cheap
    /// enough for the memory limit to read often.
    private let slotTotal: UnsafeMutablePointer<Int>

    init(rows: TupleBuffer) {
        self.rows = rows
        touched = .allocate(capacity: 1)
        touched.initialize(to: 0)
        slotTotal = .allocate(capacity: 1)
        slotTotal.initialize(to: 0)
        segments = .allocate(capacity: TupleSet.segmentCount)
        segments.initialize(repeating: .empty, count: TupleSet.segmentCount)
    }

    deinit {
        for i in 0..<TupleSet.segmentCount where segments[i].capacity > 0 { free(segments[i].slots) }
        segments.deallocate()
        touched.deallocate()
        slotTotal.deallocate()
    }

    var byteCount: Int { slotTotal.pointee * 4 + TupleSet.segmentCount * MemoryLayout<Segment>.stride }

    /// How many segments have slots of their own (the others share the empty slot).
    var segmentsWithSlots: Int {
        (0..<TupleSet.segmentCount).reduce(0) { $0 + (segments[$1].capacity > 0 ? 1 : 0) }
    }

    /// Gives the memory back, keeping nothing: for a relation that will not grow
    /// (`Relation.freeze`). `rebuild` fills it again from the rows.
    func release() {
        for i in 0..<TupleSet.segmentCount where segments[i].capacity > 0 {
            free(segments[i].slots)
            segments[i] = .empty
        }
        slotTotal.pointee = 0
    }

    /// Holds every row again, after `release` (and the rows' reordering).
    func rebuild() {
        release()
        reserve(rows.count)
        for row in 0..<rows.count {
            let tuple = rows.row(row)
            let hash = TupleHash.hash(tuple, count: rows.arity)
            let index = segmentIndex(tuple, hash)
            let segment = segments + index
            if segment.pointee.capacity == 0 { regrow(index, to: 4) }
            let capacity = Int(segment.pointee.capacity)
            var slot = Self.home(hash, capacity)
            while segment.pointee.slots[slot] != 0 {
                slot += 1
                if slot == capacity { slot = 0 }
            }
            segment.pointee.slots[slot] = Self.tag(hash) | UInt32(row + 1)
            segment.pointee.count += 1
            if Int(segment.pointee.count) * 20 > capacity * 17 { grow(index) }
        }
    }

    @inline(__always)
    private func segmentIndex(_ tuple: UnsafePointer<UInt32>, _ hash: UInt64) -> Int {
        let key = rows.arity >= 2 ? TupleHash.finish(UInt64(tuple[0]) &* 0x9E37_79B9_7F4A_7C15) : hash
        return Int(key >> (64 - UInt64(Self.segmentBits)))
    }

    @inline(__always)
    private static func home(_ hash: UInt64, _ capacity: Int) -> Int {
        Int((UInt64(UInt32(truncatingIfNeeded: hash)) &* UInt64(capacity)) >> 32)
    }

    /// Hash bits 51–55: disjoint from the segment's (56–63) and the home slot's (0–31),
    /// or the tag would match every entry of its segment.
    @inline(__always)
    private static func tag(_ hash: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: hash >> 24) & 0xF800_0000 }

    /// The row holding `tuple`, if any.
    @inline(__always)
    func find(_ tuple: UnsafePointer<UInt32>) -> Int? {
        let arity = rows.arity
        let hash = TupleHash.hash(tuple, count: arity)
        let segment = segments[segmentIndex(tuple, hash)]
        let tag = Self.tag(hash), capacity = Int(segment.capacity)
        // An empty segment has capacity 0: its home is its one shared slot, which is 0.
        var slot = Self.home(hash, capacity)
        while true {
            let value = segment.slots[slot]
            if value == 0 { return nil }
            if value & 0xF800_0000 == tag {
                let row = Int(value & Self.rowMask) - 1
                if Self.equal(rows.row(row), tuple, arity) { return row }
            }
            slot += 1
            if slot == capacity { slot = 0 }
        }
    }

    /// Reads the slot where `tuple` would start its probe. Called for a batch of
    /// tuples before inserting them, so that their cache misses overlap instead of
    /// coming one after another. (The value read is kept, so the read stays.)
    @inline(__always)
    func touch(_ tuple: UnsafePointer<UInt32>) {
        let hash = TupleHash.hash(tuple, count: rows.arity)
        let segment = segments[segmentIndex(tuple, hash)]
        touched.pointee ^= segment.slots[Self.home(hash, Int(segment.capacity))]
    }

    /// Makes each segment big enough for its share of `rows` rows, before they come.
    func reserve(_ rows: Int) {
        // Fewer rows than segments: most segments stay empty, and those that take a
        // row grow as they go.
        guard rows >= Self.segmentCount else { return }
        let perSegment = rows / Self.segmentCount + 1
        let wanted = perSegment * 20 / 17 + 1
        for index in 0..<Self.segmentCount where segments[index].capacity < wanted {
            regrow(index, to: wanted)
        }
    }

    /// Appends `tuple` to the rows if it is not there yet; returns its new row, or nil if it was there.
    @inline(__always)
    func insert(_ tuple: UnsafePointer<UInt32>) -> Int? {
        let arity = rows.arity
        let hash = TupleHash.hash(tuple, count: arity)
        let index = segmentIndex(tuple, hash)
        let tag = Self.tag(hash)
        let segment = segments + index
        if segment.pointee.capacity == 0 { regrow(index, to: 4) }
        let slots = segment.pointee.slots, capacity = Int(segment.pointee.capacity)
        var slot = Self.home(hash, capacity)
        while true {
            let value = slots[slot]
            if value == 0 { break }
            if value & 0xF800_0000 == tag {
                let row = Int(value & Self.rowMask) - 1
                if Self.equal(rows.row(row), tuple, arity) { return nil }
            }
            slot += 1
            if slot == capacity { slot = 0 }
        }
        let row = rows.append(tuple)
        slots[slot] = tag | UInt32(row + 1)
        segment.pointee.count += 1
        if Int(segment.pointee.count) * 20 > capacity * 17 { grow(index) }
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
        let old = Int(segments[index].capacity)
        // Small segments double (fewer rehashes early on); large ones grow by half (less memory).
        regrow(index, to: old < 4096 ? old * 2 : old + old / 2 + 1)
    }

    private func regrow(_ index: Int, to capacity: Int) {
        let old = segments[index]
        let slots = calloc(capacity, MemoryLayout<UInt32>.stride)!.bindMemory(to: UInt32.self, capacity: capacity)
        for i in 0..<Int(old.capacity) {
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
        if old.capacity > 0 { free(old.slots) }
        segments[index] = Segment(slots: slots, capacity: Int32(capacity), count: old.count)
        slotTotal.pointee += capacity - Int(old.capacity)
    }
}
