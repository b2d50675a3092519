/// The order answers are shown in: rows compared value by value, in the order of
/// `ConstantTable.compare` (integers numerically, before texts; texts by code point).
///
/// Each distinct value is compared with others once: the values are ranked, and the
/// rows sorted by their ranks, packed into one 64-bit key when they fit. An answer
/// can have hundreds of thousands of rows over a few thousand values, and comparing
/// texts on every row comparison cost more than computing the answer, the more so as
/// rows of a grouped relation come in no particular order.
enum AnswerOrder {
    static func sort(_ rows: inout [[Value]], constants: ConstantTable) {
        guard rows.count > 1, let width = rows.first?.count, width > 0 else { return }
        var distinct = Set<UInt32>()
        for row in rows {
            for value in row { distinct.insert(value.raw) }
        }
        let ordered = distinct.sorted { constants.compare(Value(raw: $0), Value(raw: $1)) < 0 }
        var rank: [UInt32: UInt64] = [:]
        rank.reserveCapacity(ordered.count)
        for (i, value) in ordered.enumerated() { rank[value] = UInt64(i) }
        let bits = ordered.count <= 1 ? 1 : UInt64.bitWidth - UInt64(ordered.count - 1).leadingZeroBitCount
        var order: [Int]
        if width * bits <= 64 {
            // Rows are distinct, so their keys are too.
            var keys: [(key: UInt64, row: Int)] = []
            keys.reserveCapacity(rows.count)
            for (index, row) in rows.enumerated() {
                var key: UInt64 = 0
                for value in row { key = key << UInt64(bits) | rank[value.raw]! }
                keys.append((key, index))
            }
            keys.sort { $0.key < $1.key }
            order = keys.map(\.row)
        } else {
            let ranked = rows.map { row in row.map { rank[$0.raw]! } }
            order = Array(rows.indices)
            order.sort { a, b in ranked[a].lexicographicallyPrecedes(ranked[b]) }
        }
        rows = order.map { rows[$0] }
    }
}
