/// A relation through semi-naive iterations, and grouped by its first value
/// (`GroupedTuples`) where the evaluator knows that nothing needs row numbers: when
/// it groups a relation, when a grouped relation becomes rows again, and what each
/// iteration does with a grouped relation's recent rows.
extension Relation {
    /// Keeps the tuples grouped by their first value from now on (see Relation). For an
    /// empty relation of two columns or more, derived by rules that read it, while
    /// they run, only through the delta; `recentRows` while those rules iterate.
    func group(keepingRecentRows recentRows: Bool) {
        precondition(arity >= 2 && rows.count == 0 && indexes.isEmpty && rounds == nil && !isFrozen)
        if grouped == nil { set.release() }
        grouped = GroupedTuples(arity: arity)
        keepsRecentRows = recentRows
    }

    /// Grouping pays where groups are large; where most tuples are alone, or in
    /// pairs, under their first value, the directory costs more than rows and a set.
    /// Whenever a grouped relation's size doubles from 65,536 tuples, it becomes rows
    /// if that is smaller: at once, or, while its stratum iterates, when the iteration
    /// ends (until then its delta rows are being read).
    func considerRows() {
        guard let grouped, grouped.byteCount > grouped.count * (arity * 4 + 6) else { return }
        if keepsRecentRows {
            prefersRows = true
        } else {
            ungroup()
        }
    }

    /// Turns a grouped relation into rows and a set, the delta's rows last.
    func ungroup() {
        guard let grouped else { return }
        let delta = TupleBuffer(arity: arity)
        let inDelta = TupleSet(rows: delta)
        for row in stableEnd..<deltaEnd { _ = inDelta.insert(rows.row(row)) }
        rows.removeAll()
        rows.reserve(grouped.count)
        grouped.forEach { tuple in
            if inDelta.find(tuple) == nil { _ = rows.append(tuple) }
        }
        let stable = rows.count
        for row in 0..<delta.count { rows.append(delta.row(row)) }
        self.grouped = nil
        keepsRecentRows = false
        prefersRows = false
        set.rebuild()
        stableEnd = stable
        deltaEnd = rows.count
        for index in indexes.values { index.reset() }
    }

    /// Starts the semi-naive iterations of the relation's stratum: the rows already
    /// there are the first delta.
    func beginIterations() {
        if let grouped, keepsRecentRows, rows.count < grouped.count {
            // Tuples held from an earlier evaluation: all of them, as rows.
            rows.removeAll()
            grouped.forEach { _ = rows.append($0) }
            for index in indexes.values { index.reset() }
        }
        stableEnd = 0
        deltaEnd = rows.count
    }

    /// Ends an iteration: the delta becomes stable, and the rows derived in it the
    /// delta. A grouped relation drops the rows that are now stable. Returns whether
    /// the delta has rows.
    func advance() -> Bool {
        stableEnd = deltaEnd
        deltaEnd = rows.count
        if grouped != nil && stableEnd > 0 {
            rows.removeFirst(stableEnd)
            deltaEnd -= stableEnd
            stableEnd = 0
            for index in indexes.values { index.reset() }
        }
        if prefersRows { ungroup() }
        return deltaEnd > stableEnd
    }

    /// Marks every row as known: the relation's stratum is done. A grouped relation
    /// gives back its recent rows.
    func markComplete() {
        if grouped != nil {
            keepsRecentRows = false
            rows.removeAll()
            for index in indexes.values { index.reset() }
        }
        stableEnd = rows.count
        deltaEnd = rows.count
    }

    /// Turns a grouped relation that is complete into rows, frozen (for an index on
    /// other columns than the first).
    func flatten() {
        guard let grouped else { return }
        rows.removeAll()
        rows.reserve(grouped.count)
        grouped.forEach { _ = rows.append($0) }
        self.grouped = nil
        indexes = [:]
        markComplete()
        freeze()
    }

}
