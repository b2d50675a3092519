/// A relation during evaluation: its tuples, kept distinct, and the indexes the
/// rule plans asked for.
///
/// As rows (`TupleBuffer`) with a set that keeps them distinct (`TupleSet`). For
/// semi-naive evaluation the rows are split into three ranges, with no copying:
/// `0..<stableEnd` were known before the last iteration, `stableEnd..<deltaEnd` are
/// the delta (new in the last iteration), and rows from `deltaEnd` on are being
/// derived in the current one.
///
/// A relation that will not change again (an input, once loaded) is frozen: its
/// set is given back, and its rows are sorted, in place, by the columns of the
/// first index asked for, which is then a range index costing nothing (a later
/// index on other columns is a hash index). Membership is then a binary search.
///
/// Or grouped by its first value (`GroupedTuples`, about half the memory), where
/// the evaluator knows that nothing needs row numbers: while its stratum runs,
/// rules read it only through the delta, and afterwards it is read whole, by its
/// first column, or by membership (`group`). `rows` then holds only the recent
/// rows, the delta and the rows of the current iteration, which are all the
/// semi-naive evaluation reads of it (`advance` drops the older ones), and none
/// once it is complete. An index on other columns turns it into frozen rows.
final class Relation {
    let name: String
    let arity: Int
    let rows: TupleBuffer
    // The state below is internal for the extensions (Relation+Grouping,
    // Relation+Loading); nothing outside Relation sets it.
    /// The set of the rows (empty while frozen, grouped or loading in bulk).
    let set: TupleSet
    var indexes: [[Int]: TupleIndex] = [:]
    var stableEnd = 0
    var deltaEnd = 0
    /// When each row was first derived (an evaluation round), kept only when
    /// derivations must be explained.
    var rounds: [UInt32]?
    /// Whether the relation is frozen (see above).
    var isFrozen = false
    /// The order of a frozen relation's rows, once sorted.
    var order: RowOrder?
    /// The tuples, when grouped by their first value (see above).
    var grouped: GroupedTuples? {
        didSet { groupedReference = grouped.map { Unmanaged.passUnretained($0) } }
    }
    /// The same, for the innermost loops: reading it takes no reference count.
    private var groupedReference: Unmanaged<GroupedTuples>?
    /// Whether a grouped relation keeps its recent tuples as rows (while its recursive stratum runs).
    var keepsRecentRows = false
    /// Whether tuples are being loaded in bulk (see `beginLoading`).
    var isLoading = false
    /// Whether a grouped relation becomes rows when the iteration ends (see `considerRows`).
    var prefersRows = false

    /// A tuple reordered as a frozen relation's rows are sorted (for `find`).
    private let key: UnsafeMutablePointer<UInt32>

    init(name: String, arity: Int) {
        self.name = name
        self.arity = arity
        rows = TupleBuffer(arity: arity)
        set = TupleSet(rows: rows)
        key = .allocate(capacity: max(1, arity))
    }

    deinit { key.deallocate() }

    /// Tuples held.
    var count: Int { grouped?.count ?? rows.count }

    /// Adds a tuple if new; returns whether it was. Indexes are brought up to date lazily.
    @inline(__always)
    func insert(_ tuple: UnsafePointer<UInt32>) -> Bool {
        if let groupedReference {
            guard groupedReference._withUnsafeGuaranteedRef({ $0.insert(tuple) }) else { return false }
            if keepsRecentRows { rows.append(tuple) }
            let count = groupedReference._withUnsafeGuaranteedRef { $0.count }
            if count & (count - 1) == 0 && count >= 65_536 { considerRows() }
            return true
        }
        if isFrozen { thaw() }
        return set.insert(tuple) != nil
    }

    /// Whether the relation holds `tuple`.
    @inline(__always)
    func contains(_ tuple: UnsafePointer<UInt32>) -> Bool {
        if let groupedReference { return groupedReference._withUnsafeGuaranteedRef { $0.contains(tuple) } }
        return find(tuple) != nil
    }

    /// Every tuple, as values, in no particular order.
    func tuples() -> [[Value]] {
        guard let grouped else { return (0..<count).map(tuple) }
        var tuples: [[Value]] = []
        tuples.reserveCapacity(grouped.count)
        grouped.forEach { tuple in tuples.append((0..<arity).map { Value(raw: tuple[$0]) }) }
        return tuples
    }

    /// Gives back the set's memory: the relation will not grow (an input, loaded).
    /// Rows stay where they are until an index or a membership test sorts them.
    func freeze() {
        guard !isFrozen, grouped == nil, arity > 0, indexes.isEmpty, rounds?.allSatisfy({ $0 == 0 }) ?? true else { return }
        isFrozen = true
        set.release()
    }

    /// Makes a frozen relation growable again (nothing does this today: inputs that
    /// rules extend are never frozen), its indexes becoming hash indexes.
    private func thaw() {
        isFrozen = false
        order = nil
        set.rebuild()
        for (columns, index) in indexes where index.isRange { indexes[columns] = TupleIndex(rows: rows, columns: columns) }
    }

    /// Sorts a frozen relation's rows with `leading` columns first (before any index
    /// depends on their order).
    private func sort(leading: [Int]) {
        let order = RowOrder(leading: leading, arity: arity)
        order.sort(rows.base, count: rows.count)
        self.order = order
    }

    /// Brings the set's slot for `tuple` into the cache (see `TupleSet.touch`).
    @inline(__always)
    func touch(_ tuple: UnsafePointer<UInt32>) {
        if let groupedReference {
            groupedReference._withUnsafeGuaranteedRef { $0.touch(tuple) }
        } else if !isFrozen {
            set.touch(tuple)
        }
    }

    /// Makes room for about `count` rows, so that loading them grows nothing.
    func reserve(_ count: Int) {
        rows.reserve(count)
        if !isLoading { set.reserve(count) }
    }

    /// The row of `tuple`, if present (not for a grouped relation: see `contains`).
    @inline(__always)
    func find(_ tuple: UnsafePointer<UInt32>) -> Int? {
        precondition(grouped == nil, "a grouped relation has no row numbers")
        return isFrozen ? frozenFind(tuple) : set.find(tuple)
    }

    /// Membership in a frozen relation: a binary search in its sorted rows.
    private func frozenFind(_ tuple: UnsafePointer<UInt32>) -> Int? {
        if order == nil { sort(leading: []) }
        let columns = order!.columns
        for (i, c) in columns.enumerated() { key[i] = tuple[c] }
        let row = index(on: columns).newest(key)
        return row >= 0 ? row : nil
    }

    /// The index on `columns`, built on first use and kept up to date with the rows
    /// (a grouped relation's recent rows while its stratum runs).
    func index(on columns: [Int]) -> TupleIndex {
        if grouped != nil && !keepsRecentRows { flatten() }
        if let index = indexes[columns] {
            index.catchUp()
            return index
        }
        if isFrozen {
            if indexes.isEmpty && !(order?.hasPrefix(columns) ?? false) { sort(leading: columns) }
            if let order, order.hasPrefix(columns) {
                let index = TupleIndex(sortedRows: rows, columns: columns, order: order)
                indexes[columns] = index
                return index
            }
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
        rows.byteCount + set.byteCount + (grouped?.byteCount ?? 0) + indexes.values.reduce(0) { $0 + $1.byteCount }
            + (rounds?.count ?? 0) * 4
    }

    /// The values of row `row` (of a relation not grouped).
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
