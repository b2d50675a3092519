import Interning

/// The facts that hold, each with its support: a hash table specialised for the
/// store's 16-byte facts.
///
/// Entries live densely in two arrays (so iterating is a plain scan) and an
/// open-addressing index finds them: linear probing, a fast multiply-mix hash, and
/// backward-shift deletion, so retractions leave no tombstones. Each slot keeps
/// the entry number and 32 bits of the hash, so a probe rarely has to look at an
/// entry that is not the one sought (a cache miss saved per probe). About 4×
/// faster than `Dictionary` here, whose SipHash dominated replay.
struct FactTable: Sendable {
    private(set) var facts: [StoredFact] = []
    private(set) var supports: [GraphState.Support] = []
    /// Entry number + 1 in the low 32 bits (0: empty), the hash's high 32 bits above.
    /// The number of slots is a power of two.
    private var slots: [UInt64] = [UInt64](repeating: 0, count: 16)

    var count: Int { facts.count }

    @inline(__always)
    private static func hash(_ fact: StoredFact) -> UInt64 {
        let key = UInt64(fact.entity) | UInt64(fact.attribute) << 32
        return ByteHash.finish(ByteHash.mix(ByteHash.mix(0, key), fact.value.raw))
    }

    @inline(__always)
    private static func home(_ hash: UInt64, _ mask: Int) -> Int { Int(truncatingIfNeeded: hash) & mask }

    @inline(__always)
    private static func tag(_ hash: UInt64) -> UInt64 { hash & 0xFFFF_FFFF_0000_0000 }

    /// The slot holding `fact` and its entry number, or the empty slot where it would go and -1.
    @inline(__always)
    private func slot(of fact: StoredFact) -> (slot: Int, entry: Int32) {
        let hash = Self.hash(fact)
        let mask = slots.count - 1
        let tag = Self.tag(hash)
        var slot = Self.home(hash, mask)
        while true {
            let value = slots[slot]
            if value == 0 { return (slot, -1) }
            if value & 0xFFFF_FFFF_0000_0000 == tag {
                let entry = Int32(truncatingIfNeeded: value & 0xFFFF_FFFF) - 1
                if facts[Int(entry)] == fact { return (slot, entry) }
            }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    private static func slotValue(entry: Int, hash: UInt64) -> UInt64 {
        tag(hash) | UInt64(entry + 1)
    }

    @inline(__always)
    private func entry(inSlot slot: Int) -> Int { Int(slots[slot] & 0xFFFF_FFFF) - 1 }

    func support(of fact: StoredFact) -> GraphState.Support? {
        let found = slot(of: fact).entry
        return found < 0 ? nil : supports[Int(found)]
    }

    func contains(_ fact: StoredFact) -> Bool { slot(of: fact).entry >= 0 }

    /// Sets the support of `fact`, adding the fact if absent; returns the old support.
    @discardableResult
    mutating func set(_ fact: StoredFact, _ support: GraphState.Support) -> GraphState.Support? {
        let (slot, entry) = slot(of: fact)
        if entry >= 0 {
            let old = supports[Int(entry)]
            supports[Int(entry)] = support
            return old
        }
        slots[slot] = Self.slotValue(entry: facts.count, hash: Self.hash(fact))
        facts.append(fact)
        supports.append(support)
        if facts.count * 8 > slots.count * 5 { rebuild(capacity: slots.count * 2) }
        return nil
    }

    /// Removes `fact` if present.
    mutating func remove(_ fact: StoredFact) {
        let (found, entry) = slot(of: fact)
        guard entry >= 0 else { return }
        // Backward-shift deletion: pull later members of the probe run into the hole.
        let mask = slots.count - 1
        var hole = found
        var next = (hole + 1) & mask
        while slots[next] != 0 {
            let home = Self.home(Self.hash(facts[self.entry(inSlot: next)]), mask)
            // The entry at `next` may fill the hole if its probe run passes through
            // the hole, i.e. its home is no nearer to `next` than the hole is.
            let fromHome = (next - home) & mask
            let fromHole = (next - hole) & mask
            if fromHome >= fromHole {
                slots[hole] = slots[next]
                hole = next
            }
            next = (next + 1) & mask
        }
        slots[hole] = 0
        // Keep the entries dense: move the last one into the freed place.
        let last = facts.count - 1
        if Int(entry) != last {
            let moved = facts[last]
            let movedSlot = slot(of: moved).slot
            facts[Int(entry)] = moved
            supports[Int(entry)] = supports[last]
            slots[movedSlot] = Self.slotValue(entry: Int(entry), hash: Self.hash(moved))
        }
        facts.removeLast()
        supports.removeLast()
    }

    mutating func reserveCapacity(_ n: Int) {
        facts.reserveGrowing(n)
        supports.reserveGrowing(n)
        var capacity = slots.count
        while n * 8 > capacity * 5 { capacity *= 2 }
        if capacity > slots.count { rebuild(capacity: capacity) }
    }

    private mutating func rebuild(capacity: Int) {
        slots = [UInt64](repeating: 0, count: capacity)
        let mask = capacity - 1
        for (entry, fact) in facts.enumerated() {
            let hash = Self.hash(fact)
            var slot = Self.home(hash, mask)
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Self.slotValue(entry: entry, hash: hash)
        }
    }
}
