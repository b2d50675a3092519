#if canImport(Glibc)
import Glibc
#endif

/// A relation's tuples grouped by their first value: a directory of the distinct
/// first values, each with a hash set of the rest of its tuples, held inline.
///
/// Why: as rows plus a set of row numbers (`TupleBuffer`, `TupleSet`), a tuple of
/// two columns costs 8 bytes of row and about 5.7 of set. Grouped, the first value
/// is stored once per group and the set holds the rest itself, so the same tuple
/// costs its second value at the group's load, about 6 bytes; growing a group
/// rehashes values it holds instead of reading rows all over memory; and the rows
/// with a given first value come together, an index on the first column for free.
/// There are no row numbers, so a relation is kept this way only where nothing
/// needs them (see `Relation.group`).
///
/// Layout. The directory is an open-addressing table (linear probing, at most 3/4
/// full) of slots of `1 + max(2, width)` words, `width` being the arity less one:
/// the first value, then either the group's tuples inline (up to two of width 1,
/// one of a larger width) or `Value.reserved` followed by the number of a large
/// group. A large group is an open-addressing table of `width`-word entries, at
/// most 4/5 full, growing by half. `Value.reserved` marks empty slots and entries;
/// no value is ever it (`ConstantTable` makes sure).
///
/// Nothing may read a group while tuples are added (a table may move when it
/// grows); the evaluator groups a relation only where that holds.
final class GroupedTuples {
    let arity: Int
    /// Words per entry: the columns after the first.
    let width: Int
    /// Words per directory slot.
    private let slotWords: Int
    static let empty = Value.reserved.raw

    /// A group of more tuples than fit inline.
    struct Group {
        var entries: UnsafeMutablePointer<UInt32>
        var capacity: UInt32
        var count: UInt32
    }

    /// The mutable state in raw memory, as `TupleBuffer`'s: inserts happen in the
    /// innermost loops, where a class's stored property would cost an exclusivity check.
    private struct State {
        var directory: UnsafeMutablePointer<UInt32>
        var directoryCapacity: Int
        var shift: UInt64
        var keys: Int
        var count: Int
        var groups: UnsafeMutablePointer<Group>
        var largeCount: Int
        var largeCapacity: Int
        /// Bytes the large groups' tables take from malloc.
        var entryBytes: Int
        var touched: UInt32
    }

    private let state: UnsafeMutablePointer<State>

    init(arity: Int) {
        precondition(arity >= 2, "a relation is grouped by its first column only with more columns")
        self.arity = arity
        width = arity - 1
        slotWords = 1 + max(2, arity - 1)
        let capacity = 16
        let directory = UnsafeMutablePointer<UInt32>.allocate(capacity: capacity * slotWords)
        directory.initialize(repeating: Self.empty, count: capacity * slotWords)
        state = .allocate(capacity: 1)
        state.initialize(to: State(
            directory: directory, directoryCapacity: capacity, shift: UInt64(64 - capacity.trailingZeroBitCount), keys: 0,
            count: 0, groups: .allocate(capacity: 4), largeCount: 0, largeCapacity: 4, entryBytes: 0, touched: 0))
    }

    deinit {
        for i in 0..<state.pointee.largeCount { free(state.pointee.groups[i].entries) }
        state.pointee.groups.deallocate()
        state.pointee.directory.deallocate()
        state.deallocate()
    }

    /// Tuples held.
    @inline(__always) var count: Int { state.pointee.count }
    /// Distinct first values.
    var groupCount: Int { state.pointee.keys }

    /// Bytes held, for limits, statistics, and choosing rows instead (`Relation`).
    var byteCount: Int {
        state.pointee.directoryCapacity * slotWords * 4 + state.pointee.largeCapacity * MemoryLayout<Group>.stride
            + state.pointee.entryBytes
    }

    /// What malloc takes for a table of `capacity` entries (its chunks: 16-byte
    /// multiples with an 8-byte header, 32 bytes at least).
    private func mallocBytes(_ capacity: Int) -> Int { max(32, (capacity * width * 4 + 8 + 15) & ~15) }

    // MARK: Hashing

    @inline(__always)
    private func home(key: UInt32) -> Int {
        Int(truncatingIfNeeded: (UInt64(key) &* 0x9E37_79B9_7F4A_7C15) >> state.pointee.shift)
    }

    /// An entry's first slot in a group table of `capacity` (not a power of two).
    @inline(__always)
    private func home(_ entry: UnsafePointer<UInt32>, _ capacity: Int) -> Int {
        let hash: UInt64 = width == 1 ? UInt64(entry[0]) &* 0x9E37_79B9_7F4A_7C15 : TupleHash.hash(entry, count: width)
        return Int(truncatingIfNeeded: ((hash >> 32) &* UInt64(capacity)) >> 32)
    }

    @inline(__always)
    private func equal(_ a: UnsafePointer<UInt32>, _ b: UnsafePointer<UInt32>) -> Bool {
        if width == 1 { return a[0] == b[0] }
        var i = 0
        while i < width {
            if a[i] != b[i] { return false }
            i += 1
        }
        return true
    }

    /// The directory slot of `key`, or the empty slot where it would go.
    @inline(__always)
    private func slot(of key: UInt32) -> UnsafeMutablePointer<UInt32> {
        let directory = state.pointee.directory
        let mask = state.pointee.directoryCapacity - 1
        var i = home(key: key)
        while true {
            let slot = directory + i * slotWords
            if slot[0] == key || slot[0] == Self.empty { return slot }
            i = (i + 1) & mask
        }
    }

    // MARK: Reading

    /// The entries of `key`'s group: `slots` entries of `width` words from `entries`,
    /// those whose first word is `empty` being unused. Nil when no tuple has the key.
    @inline(__always)
    func group(_ key: UInt32) -> (entries: UnsafeMutablePointer<UInt32>, slots: Int)? {
        let slot = slot(of: key)
        return slot[0] == Self.empty ? nil : entries(of: slot)
    }

    @inline(__always)
    private func entries(of slot: UnsafeMutablePointer<UInt32>) -> (entries: UnsafeMutablePointer<UInt32>, slots: Int) {
        if slot[1] != Self.empty { return (slot + 1, width == 1 ? 2 : 1) }
        let group = state.pointee.groups[Int(slot[2])]
        return (group.entries, Int(group.capacity))
    }

    /// Directory slots, for visiting every group (`group(at:)`).
    var directorySlots: Int { state.pointee.directoryCapacity }

    /// The key and entries of directory slot `index`, if it holds a group.
    @inline(__always)
    func group(at index: Int) -> (key: UInt32, entries: UnsafeMutablePointer<UInt32>, slots: Int)? {
        let slot = state.pointee.directory + index * slotWords
        guard slot[0] != Self.empty else { return nil }
        let (entries, slots) = entries(of: slot)
        return (slot[0], entries, slots)
    }

    /// Whether `tuple` (`arity` words) is held.
    @inline(__always)
    func contains(_ tuple: UnsafePointer<UInt32>) -> Bool {
        let slot = slot(of: tuple[0])
        guard slot[0] != Self.empty else { return false }
        let rest = tuple + 1
        if slot[1] != Self.empty { return equal(slot + 1, rest) || (width == 1 && slot[2] == rest[0]) }
        let group = state.pointee.groups[Int(slot[2])]
        let capacity = Int(group.capacity)
        var s = home(rest, capacity)
        while true {
            let entry = group.entries + s * width
            if entry[0] == Self.empty { return false }
            if equal(entry, rest) { return true }
            s += 1
            if s == capacity { s = 0 }
        }
    }

    /// Calls `body` with every tuple (`arity` words, valid during the call), group by group.
    func forEach(_ body: (UnsafePointer<UInt32>) throws -> Void) rethrows {
        let tuple = UnsafeMutablePointer<UInt32>.allocate(capacity: arity)
        defer { tuple.deallocate() }
        for index in 0..<directorySlots {
            guard let (key, entries, slots) = group(at: index) else { continue }
            tuple[0] = key
            for s in 0..<slots where entries[s * width] != Self.empty {
                (tuple + 1).update(from: entries + s * width, count: width)
                try body(tuple)
            }
        }
    }

    // MARK: Adding

    /// Reads the place where `tuple` would go, so that a batch of inserts overlaps
    /// its cache misses (see `RelationSink`).
    @inline(__always)
    func touch(_ tuple: UnsafePointer<UInt32>) {
        let slot = slot(of: tuple[0])
        guard slot[0] != Self.empty, slot[1] == Self.empty else { return }
        let group = state.pointee.groups[Int(slot[2])]
        state.pointee.touched ^= group.entries[home(tuple + 1, Int(group.capacity)) * width]
    }

    /// Adds `tuple` if it is not held yet; returns whether it was new.
    @inline(__always)
    func insert(_ tuple: UnsafePointer<UInt32>) -> Bool {
        let slot = slot(of: tuple[0])
        let rest = tuple + 1
        if slot[0] == Self.empty {
            slot[0] = tuple[0]
            (slot + 1).update(from: rest, count: width)
            if width == 1 { slot[2] = Self.empty }
            state.pointee.count += 1
            state.pointee.keys += 1
            if state.pointee.keys * 4 > state.pointee.directoryCapacity * 3 { growDirectory() }
            return true
        }
        if slot[1] != Self.empty {
            // Held inline: two entries of width 1, one of a larger width.
            if equal(slot + 1, rest) { return false }
            if width == 1 {
                if slot[2] == Self.empty {
                    slot[2] = rest[0]
                    state.pointee.count += 1
                    return true
                }
                if slot[2] == rest[0] { return false }
            }
            promote(slot)
        }
        let group = state.pointee.groups + Int(slot[2])
        guard add(rest, to: group) else { return false }
        state.pointee.count += 1
        return true
    }

    /// Adds an entry to a large group if new.
    @inline(__always)
    private func add(_ entry: UnsafePointer<UInt32>, to group: UnsafeMutablePointer<Group>) -> Bool {
        let capacity = Int(group.pointee.capacity)
        let entries = group.pointee.entries
        var s = home(entry, capacity)
        while true {
            let place = entries + s * width
            if place[0] == Self.empty {
                place.update(from: entry, count: width)
                group.pointee.count += 1
                if Int(group.pointee.count) * 5 > capacity * 4 { grow(group) }
                return true
            }
            if equal(place, entry) { return false }
            s += 1
            if s == capacity { s = 0 }
        }
    }

    /// Moves a directory slot's inline entries into a new large group.
    private func promote(_ slot: UnsafeMutablePointer<UInt32>) {
        if state.pointee.largeCount == state.pointee.largeCapacity {
            let capacity = state.pointee.largeCapacity * 2
            let groups = UnsafeMutablePointer<Group>.allocate(capacity: capacity)
            groups.moveInitialize(from: state.pointee.groups, count: state.pointee.largeCount)
            state.pointee.groups.deallocate()
            state.pointee.groups = groups
            state.pointee.largeCapacity = capacity
        }
        let index = state.pointee.largeCount
        let group = state.pointee.groups + index
        group.initialize(to: Group(entries: Self.table(4, width: width), capacity: 4, count: 0))
        state.pointee.largeCount += 1
        state.pointee.entryBytes += mallocBytes(4)
        _ = add(slot + 1, to: group)
        if width == 1 { _ = add(slot + 2, to: group) }
        slot[1] = Self.empty
        slot[2] = UInt32(index)
    }

    private static func table(_ capacity: Int, width: Int) -> UnsafeMutablePointer<UInt32> {
        let words = capacity * width
        let table = malloc(words * 4)!.bindMemory(to: UInt32.self, capacity: words)
        table.initialize(repeating: empty, count: words)
        return table
    }

    /// Grows a large group by half, rehashing the values it holds.
    private func grow(_ group: UnsafeMutablePointer<Group>) {
        let old = group.pointee.entries, oldCapacity = Int(group.pointee.capacity)
        let capacity = oldCapacity + oldCapacity / 2 + 1
        let entries = Self.table(capacity, width: width)
        for s in 0..<oldCapacity where old[s * width] != Self.empty {
            let entry = old + s * width
            var t = home(entry, capacity)
            while entries[t * width] != Self.empty {
                t += 1
                if t == capacity { t = 0 }
            }
            (entries + t * width).update(from: entry, count: width)
        }
        free(old)
        group.pointee.entries = entries
        group.pointee.capacity = UInt32(capacity)
        state.pointee.entryBytes += mallocBytes(capacity) - mallocBytes(oldCapacity)
    }

    private func growDirectory() {
        let old = state.pointee.directory, oldCapacity = state.pointee.directoryCapacity
        let capacity = oldCapacity * 2
        let directory = UnsafeMutablePointer<UInt32>.allocate(capacity: capacity * slotWords)
        directory.initialize(repeating: Self.empty, count: capacity * slotWords)
        state.pointee.directory = directory
        state.pointee.directoryCapacity = capacity
        state.pointee.shift = UInt64(64 - capacity.trailingZeroBitCount)
        for i in 0..<oldCapacity where old[i * slotWords] != Self.empty {
            let from = old + i * slotWords
            (slot(of: from[0])).update(from: from, count: slotWords)
        }
        old.deallocate()
    }
}
