extension Array {
    /// Makes room for at least `minimumCapacity` elements, growing geometrically.
    ///
    /// `reserveCapacity` allocates exactly what it is asked for, so calling it with
    /// `count + n` before every small batch (one per transaction on replay) copies
    /// the whole array each time: quadratic in the number of transactions. This
    /// at least doubles instead, like `append` does.
    @inline(__always)
    mutating func reserveGrowing(_ minimumCapacity: Int) {
        guard capacity < minimumCapacity else { return }
        reserveCapacity(Swift.max(minimumCapacity, capacity * 2))
    }
}
