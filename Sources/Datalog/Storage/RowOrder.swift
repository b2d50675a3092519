/// Sorting a relation's rows in place by an order of its columns, for relations
/// that no longer change (`Relation.freeze`).
///
/// The sort is an introsort (quicksort on the median of three, insertion sort for
/// short runs, heapsort past a depth limit) over the rows where they lie: no copy
/// of the rows and no scratch buffer, so sorting a relation costs no memory. Rows
/// of one or two columns are sorted as whole 32- or 64-bit words.
struct RowOrder {
    /// The columns compared, first to last; every column of the row appears once.
    let columns: [Int]
    let arity: Int

    init(leading: [Int], arity: Int) {
        self.arity = arity
        columns = leading + (0..<arity).filter { !leading.contains($0) }
    }

    /// Whether `prefix` is the start of this order (an index on it is a range search).
    func hasPrefix(_ prefix: [Int]) -> Bool {
        prefix.count <= columns.count && Array(columns.prefix(prefix.count)) == prefix
    }

    @inline(__always)
    func compare(_ a: UnsafePointer<UInt32>, _ b: UnsafePointer<UInt32>) -> Int {
        for c in columns where a[c] != b[c] { return a[c] < b[c] ? -1 : 1 }
        return 0
    }

    /// Sorts the `count` rows at `base` in place.
    func sort(_ base: UnsafeMutablePointer<UInt32>, count: Int) {
        guard count > 1 else { return }
        let depth = 2 * (Int.bitWidth - count.leadingZeroBitCount)
        switch arity {
        case 1:
            Introsort.sort(Words(base: base), 0, count, depth: depth)
        case 2:
            let words = UnsafeMutableRawPointer(base).bindMemory(to: UInt64.self, capacity: count)
            // A row is its 64-bit word, column 0 in the low half: order (1, 0) is the
            // word's own order, and (0, 1) that of the word with its halves swapped.
            let swapped = columns[0] == 0
            @inline(__always) func key(_ w: UInt64) -> UInt64 { swapped ? (w << 32 | w >> 32) : w }
            for i in 0..<count { words[i] = key(words[i]) }
            Introsort.sort(Words(base: words), 0, count, depth: depth)
            for i in 0..<count { words[i] = key(words[i]) }
            _ = UnsafeMutableRawPointer(words).bindMemory(to: UInt32.self, capacity: count * 2)
        default:
            Introsort.sort(Rows(base: base, arity: arity, order: self), 0, count, depth: depth)
        }
    }
}

/// What the introsort sorts: elements it compares and swaps by position.
private protocol Sortable {
    func less(_ i: Int, _ j: Int) -> Bool
    func swap(_ i: Int, _ j: Int)
}

/// Rows of one or two columns, as words compared by value.
private struct Words<Word: FixedWidthInteger>: Sortable {
    let base: UnsafeMutablePointer<Word>
    @inline(__always) func less(_ i: Int, _ j: Int) -> Bool { base[i] < base[j] }
    @inline(__always) func swap(_ i: Int, _ j: Int) { (base[i], base[j]) = (base[j], base[i]) }
}

/// Rows of any width, compared column by column in a `RowOrder`.
private struct Rows: Sortable {
    let base: UnsafeMutablePointer<UInt32>
    let arity: Int
    let order: RowOrder

    @inline(__always) private func row(_ i: Int) -> UnsafeMutablePointer<UInt32> { base + i * arity }
    @inline(__always) func less(_ i: Int, _ j: Int) -> Bool { order.compare(row(i), row(j)) < 0 }

    @inline(__always) func swap(_ i: Int, _ j: Int) {
        guard i != j else { return }
        for c in 0..<arity { (row(i)[c], row(j)[c]) = (row(j)[c], row(i)[c]) }
    }
}

/// In-place introsort: no scratch memory, O(n log n) at worst.
private enum Introsort {
    static func sort<S: Sortable>(_ s: S, _ start: Int, _ end: Int, depth: Int) {
        var start = start, depth = depth
        while end - start > 16 {
            if depth == 0 {
                heapsort(s, start, end)
                return
            }
            depth -= 1
            let mid = start + (end - start) / 2
            // The median of three goes to the start, as the pivot.
            if s.less(mid, start) { s.swap(mid, start) }
            if s.less(end - 1, start) { s.swap(end - 1, start) }
            if s.less(end - 1, mid) { s.swap(end - 1, mid) }
            s.swap(start, mid)
            var i = start + 1, j = end - 1
            while true {
                while i <= j && s.less(i, start) { i += 1 }
                while i <= j && s.less(start, j) { j -= 1 }
                if i >= j { break }
                s.swap(i, j)
                i += 1
                j -= 1
            }
            s.swap(start, j)
            // Recurse into the smaller side, loop on the larger.
            if j - start < end - j - 1 {
                sort(s, start, j, depth: depth)
                start = j + 1
            } else {
                sort(s, j + 1, end, depth: depth)
                return sort(s, start, j, depth: depth)
            }
        }
        var i = start + 1
        while i < end {
            var j = i
            while j > start && s.less(j, j - 1) {
                s.swap(j, j - 1)
                j -= 1
            }
            i += 1
        }
    }

    private static func heapsort<S: Sortable>(_ s: S, _ start: Int, _ end: Int) {
        let n = end - start
        func sift(_ root: Int, _ size: Int) {
            var parent = root
            while true {
                var child = 2 * parent + 1
                if child >= size { return }
                if child + 1 < size && s.less(start + child, start + child + 1) { child += 1 }
                if !s.less(start + parent, start + child) { return }
                s.swap(start + parent, start + child)
                parent = child
            }
        }
        for root in stride(from: n / 2 - 1, through: 0, by: -1) { sift(root, n) }
        for last in stride(from: n - 1, to: 0, by: -1) {
            s.swap(start, start + last)
            sift(0, last)
        }
    }
}
