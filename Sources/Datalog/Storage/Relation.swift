/// A relation during evaluation: its rows, the set that keeps them distinct, and
/// the indexes the rule plans asked for.
///
/// For semi-naive evaluation the rows are split into three ranges, with no copying:
/// `0..<stableEnd` were known before the last iteration, `stableEnd..<deltaEnd` are
/// the delta (new in the last iteration), and rows from `deltaEnd` on are being
/// derived in the current one.
final class Relation {
    let name: String
    let arity: Int
    let rows: TupleBuffer
    private let set: TupleSet
    private(set) var indexes: [[Int]: TupleIndex] = [:]
    var stableEnd = 0
    var deltaEnd = 0
    /// When each row was first derived (an evaluation round), kept only when
    /// derivations must be explained.
    var rounds: [UInt32]?

    init(name: String, arity: Int) {
        self.name = name
        self.arity = arity
        rows = TupleBuffer(arity: arity)
        set = TupleSet(rows: rows)
    }

    var count: Int { rows.count }

    /// Adds a tuple if new; returns whether it was. Indexes are brought up to date lazily.
    @inline(__always)
    func insert(_ tuple: UnsafePointer<UInt32>) -> Bool {
        set.insert(tuple) != nil
    }

    /// Brings the set's slot for `tuple` into the cache (see `TupleSet.touch`).
    @inline(__always)
    func touch(_ tuple: UnsafePointer<UInt32>) {
        set.touch(tuple)
    }

    /// Makes room for about `count` rows, so that loading them grows nothing.
    func reserve(_ count: Int) {
        rows.reserve(count)
        set.reserve(count)
    }

    /// The row of `tuple`, if present.
    @inline(__always)
    func find(_ tuple: UnsafePointer<UInt32>) -> Int? {
        set.find(tuple)
    }

    /// The index on `columns`, built on first use and kept up to date with the rows.
    func index(on columns: [Int]) -> TupleIndex {
        if let index = indexes[columns] {
            index.catchUp()
            return index
        }
        let index = TupleIndex(rows: rows, columns: columns)
        indexes[columns] = index
        return index
    }

    /// Brings every index up to the current rows.
    func catchUpIndexes() {
        for index in indexes.values { index.catchUp() }
    }

    var byteCount: Int {
        rows.byteCount + set.byteCount + indexes.values.reduce(0) { $0 + $1.byteCount } + (rounds?.count ?? 0) * 4
    }

    /// The values of row `row`.
    func tuple(_ row: Int) -> [Value] {
        (0..<arity).map { Value(raw: rows[row, $0]) }
    }

    /// Adds a tuple given as values (for loading facts).
    @discardableResult
    func insert(_ values: [Value]) -> Bool {
        var raw = values.map(\.raw)
        if raw.isEmpty { raw = [0] }  // a row of arity 0 reads nothing
        return raw.withUnsafeBufferPointer { insert($0.baseAddress!) }
    }
}
