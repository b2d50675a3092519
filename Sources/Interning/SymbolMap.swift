/// A map from symbols to small numbers, such as a record's local string indices:
/// open addressing with linear probing over parallel key and value arrays.
public struct SymbolMap: Sendable {
    private var keys: [UInt32]
    private var values: [UInt32]
    /// Keys are stored plus one, so that 0 marks an empty slot.
    public private(set) var count = 0

    public init(capacity: Int = 16) {
        var size = 16
        while size * 3 < capacity * 4 { size *= 2 }
        keys = [UInt32](repeating: 0, count: size)
        values = [UInt32](repeating: 0, count: size)
    }

    /// The value for `key`; if absent, stores `insert` and returns it.
    public mutating func value(for key: UInt32, insert: UInt32) -> UInt32 {
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: ByteHash.finish(UInt64(key))) & mask
        while true {
            let stored = keys[slot]
            if stored == key &+ 1 { return values[slot] }
            if stored == 0 { break }
            slot = (slot + 1) & mask
        }
        keys[slot] = key &+ 1
        values[slot] = insert
        count += 1
        if count * 4 > keys.count * 3 { grow() }
        return insert
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = [UInt32](repeating: 0, count: oldKeys.count * 2)
        values = [UInt32](repeating: 0, count: oldKeys.count * 2)
        let mask = keys.count - 1
        for i in 0..<oldKeys.count where oldKeys[i] != 0 {
            var slot = Int(truncatingIfNeeded: ByteHash.finish(UInt64(oldKeys[i] &- 1))) & mask
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = oldKeys[i]
            values[slot] = oldValues[i]
        }
    }
}
