/// Loading an input relation: in bulk, with no set, made distinct by sorting.
extension Relation {
    /// Loads tuples in bulk from now on (an input): they are appended as they come,
    /// with no set, and made distinct by sorting them in `endLoading`. Sorted rows
    /// are what a frozen relation's first index wants anyway.
    func beginLoading() {
        guard arity > 0, rows.count == 0, grouped == nil, !isFrozen else { return }
        isLoading = true
    }

    /// Adds `count` tuples of `arity` values from `tuples`: appended while loading in
    /// bulk; otherwise inserted, after reading the set's slot of each so that the
    /// cache misses overlap.
    func load(_ tuples: UnsafePointer<UInt32>, count: Int) {
        let width = max(1, arity)
        if isLoading {
            for i in 0..<count { rows.append(tuples + i * width) }
            return
        }
        for i in 0..<count { touch(tuples + i * width) }
        for i in 0..<count { _ = insert(tuples + i * width) }
    }

    /// Ends a bulk load: the rows are sorted in place and their duplicates dropped;
    /// then the relation is frozen, or its set filled again for rules to extend it.
    func endLoading(frozen: Bool) {
        guard isLoading else {
            if frozen { freeze() }
            return
        }
        isLoading = false
        let order = RowOrder(leading: [], arity: arity)
        order.sort(rows.base, count: rows.count)
        rows.removeAdjacentDuplicates()
        if frozen {
            isFrozen = true
            self.order = order
        } else {
            set.rebuild()
        }
    }
}
