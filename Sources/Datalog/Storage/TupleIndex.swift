#if canImport(Glibc)
import Glibc
#endif

/// An index of a relation on some of its columns: for a key (the values of those
/// columns), the rows that have it.
///
/// A hash index: each distinct key has one slot holding its newest row; each row
/// links to the previous row with the same key (`previous`). Rows are only ever
/// appended, so a chain runs from newest to oldest and a lookup confined to a row
/// range (the delta of semi-naive evaluation, or the rows that existed when an
/// iteration began) skips the newer rows and stops at the first older one.
///
/// Or, over a frozen relation whose rows are sorted with these columns first
/// (`Relation.freeze`), a range index: the rows of a key lie together, so a search
/// finds the last row of its key's run and the rows before it with the same key
/// are its "previous" rows. It costs no memory, and a key's rows are read in
/// sequence; the search gallops from where the last one ended, so lookups made in
/// key order (the usual case when the outer rows are sorted alike) take a step or two.
final class TupleIndex {
    let columns: [Int]
    private let columnPointer: UnsafeMutablePointer<Int>
    private let rows: TupleBuffer
    /// Newest row + 1 for each key (0: empty), with the key's hash tag in the top 5 bits.
    private var slots: UnsafeMutablePointer<UInt32>
    private var capacity: Int
    private var keys = 0
    /// For each row, the previous row with the same key, + 1 (0: none).
    private var previous: UnsafeMutablePointer<UInt32>
    private var previousCapacity: Int
    /// Rows indexed so far: the index follows the relation as it grows.
    private(set) var indexedRows = 0
    private static let rowMask: UInt32 = (1 << 27) - 1
    /// A range index over rows sorted with `columns` first (see `init(sortedRows:)`).
    let isRange: Bool

    /// A range index's search state: [where the last search ended, searches, key
    /// comparisons, whether it has slots]. Lookups that come in key order (a scan of
    /// rows sorted alike) take a step or two from where the last one ended; when they
    /// jump about (more than `maxSteps` comparisons each on average), the index makes
    /// a slot per key, as a hash index, and looks up by hash from then on.
    private let search: UnsafeMutablePointer<Int>
    private static let maxSteps = 8

    /// A range index over rows sorted in `order`, whose leading columns are `columns`.
    init(sortedRows rows: TupleBuffer, columns: [Int], order: RowOrder) {
        precondition(order.hasPrefix(columns))
        self.rows = rows
        self.columns = columns
        isRange = true
        columnPointer = .allocate(capacity: max(1, columns.count))
        for (i, c) in columns.enumerated() { columnPointer[i] = c }
        capacity = 0
        slots = .allocate(capacity: 1)
        previousCapacity = 0
        previous = .allocate(capacity: 1)
        search = .allocate(capacity: 4)
        search.initialize(repeating: 0, count: 4)
        indexedRows = rows.count
    }

    /// Gives a range index a slot per key, holding the last row of the key's run.
    private func makeSlots() {
        var keyCount = 0
        for row in 0..<rows.count where row == 0 || !sameKey(row - 1, row) { keyCount += 1 }
        var size = 16
        while size * 3 < keyCount * 4 { size *= 2 }
        slots.deallocate()
        capacity = size
        slots = calloc(capacity, 4)!.bindMemory(to: UInt32.self, capacity: capacity)
        for row in 0..<rows.count where row + 1 == rows.count || !sameKey(row, row + 1) {
            let hash = TupleHash.hash(row: rows.row(row), columns: columnPointer, count: columns.count)
            var slot = Int(truncatingIfNeeded: hash) & (capacity - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = UInt32(truncatingIfNeeded: hash >> 32) & 0xF800_0000 | UInt32(row + 1)
            keys += 1
        }
        search[3] = 1
    }

    init(rows: TupleBuffer, columns: [Int]) {
        self.rows = rows
        self.columns = columns
        isRange = false
        search = .allocate(capacity: 4)
        columnPointer = .allocate(capacity: max(1, columns.count))
        for (i, c) in columns.enumerated() { columnPointer[i] = c }
        // Sized for the rows already there (an upper bound on their keys), so that
        // indexing a loaded relation does not grow the table again and again.
        var size = 16
        while size * 3 < rows.count * 4 { size *= 2 }
        capacity = size
        slots = calloc(capacity, 4)!.bindMemory(to: UInt32.self, capacity: capacity)
        previousCapacity = max(16, rows.count)
        previous = malloc(previousCapacity * 4)!.bindMemory(to: UInt32.self, capacity: previousCapacity)
        catchUp()
    }

    deinit {
        columnPointer.deallocate()
        if isRange {
            if search[3] == 1 { free(slots) } else { slots.deallocate() }
            previous.deallocate()
        } else {
            free(slots)
            free(previous)
        }
        search.deallocate()
    }


    var byteCount: Int { capacity * 4 + previousCapacity * 4 }

    /// Forgets every row (a hash index over rows that were moved, see
    /// `Relation.advance`); `catchUp` indexes them again.
    func reset() {
        precondition(!isRange, "a range index follows its rows' order")
        memset(slots, 0, capacity * 4)
        keys = 0
        indexedRows = 0
    }

    /// Indexes the rows appended since the last call (none for a range index: its relation is frozen).
    func catchUp() {
        guard !isRange else { return }
        while indexedRows < rows.count {
            add(row: indexedRows)
            indexedRows += 1
        }
    }

    @inline(__always)
    private func keyMatches(row: Int, key: UnsafePointer<UInt32>) -> Bool {
        let values = rows.row(row)
        for i in 0..<columns.count where values[columnPointer[i]] != key[i] { return false }
        return true
    }

    private func add(row: Int) {
        if row >= previousCapacity {
            previousCapacity = max(previousCapacity * 2, row + 1)
            previous = realloc(previous, previousCapacity * 4)!.bindMemory(to: UInt32.self, capacity: previousCapacity)
        }
        let values = rows.row(row)
        let hash = TupleHash.hash(row: values, columns: columnPointer, count: columns.count)
        let tag = UInt32(truncatingIfNeeded: hash >> 32) & 0xF800_0000
        let mask = capacity - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let value = slots[slot]
            if value == 0 {
                previous[row] = 0
                slots[slot] = tag | UInt32(row + 1)
                keys += 1
                if keys * 4 > capacity * 3 { grow() }
                return
            }
            if value & 0xF800_0000 == tag {
                let head = Int(value & Self.rowMask) - 1
                if sameKey(head, row) {
                    previous[row] = UInt32(head + 1)
                    slots[slot] = tag | UInt32(row + 1)
                    return
                }
            }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    private func sameKey(_ a: Int, _ b: Int) -> Bool {
        TupleIndex.sameKey(rows, columnPointer, columns.count, a, b)
    }

    @inline(__always)
    private static func sameKey(_ rows: TupleBuffer, _ columns: UnsafePointer<Int>, _ count: Int, _ a: Int, _ b: Int) -> Bool {
        let x = rows.row(a), y = rows.row(b)
        for i in 0..<count where x[columns[i]] != y[columns[i]] { return false }
        return true
    }

    /// The newest row with `key` (the values of `columns`, in order), or -1.
    @inline(__always)
    func newest(_ key: UnsafePointer<UInt32>) -> Int {
        if isRange && search[3] == 0 { return lastRow(matching: key) }
        let hash = TupleHash.hash(key, count: columns.count)
        let tag = UInt32(truncatingIfNeeded: hash >> 32) & 0xF800_0000
        let mask = capacity - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let value = slots[slot]
            if value == 0 { return -1 }
            if value & 0xF800_0000 == tag {
                let head = Int(value & Self.rowMask) - 1
                if keyMatches(row: head, key: key) { return head }
            }
            slot = (slot + 1) & mask
        }
    }

    /// The row before `row` with the same key, or -1.
    @inline(__always)
    func previous(_ row: Int) -> Int {
        if isRange { return row > 0 && sameKey(row - 1, row) ? row - 1 : -1 }
        return Int(previous[row]) - 1
    }

    /// The last row whose key equals `key` in rows sorted by key, or -1: a galloping
    /// search from the finger, then a binary search, O(log distance).
    private func lastRow(matching key: UnsafePointer<UInt32>) -> Int {
        let count = rows.count
        guard count > 0 else { return -1 }
        // Invariant: rows ...lo have keys <= key, rows hi... have keys > key.
        var lo: Int, hi: Int
        let start = min(search[0], count - 1)
        var step = 1
        if compare(start, key) <= 0 {
            lo = start
            hi = start + 1
            while hi < count && compare(hi, key) <= 0 {
                lo = hi
                step *= 2
                hi = lo + step
            }
            hi = min(hi, count)
        } else {
            hi = start
            lo = start - 1
            while lo >= 0 && compare(lo, key) > 0 {
                hi = lo
                step *= 2
                lo = hi - step
            }
            lo = max(lo, -1)
        }
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if compare(mid, key) <= 0 { lo = mid } else { hi = mid }
        }
        search[0] = max(lo, 0)
        search[1] += 1
        if search[1] & 1023 == 0 && search[2] > search[1] * Self.maxSteps { makeSlots() }
        return lo >= 0 && compare(lo, key) == 0 ? lo : -1
    }

    /// A row's key against `key`: -1, 0 or 1.
    @inline(__always)
    private func compare(_ row: Int, _ key: UnsafePointer<UInt32>) -> Int {
        search[2] += 1
        let values = rows.row(row)
        for i in 0..<columns.count where values[columnPointer[i]] != key[i] { return values[columnPointer[i]] < key[i] ? -1 : 1 }
        return 0
    }

    private func grow() {
        let old = slots, oldCapacity = capacity
        capacity *= 2
        slots = calloc(capacity, 4)!.bindMemory(to: UInt32.self, capacity: capacity)
        let mask = capacity - 1
        for i in 0..<oldCapacity {
            let value = old[i]
            if value == 0 { continue }
            let head = Int(value & Self.rowMask) - 1
            let hash = TupleHash.hash(row: rows.row(head), columns: columnPointer, count: columns.count)
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = value
        }
        free(old)
    }
}
