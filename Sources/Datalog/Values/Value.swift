/// A constant during evaluation, in 32 bits, so that tuples stay compact.
///
///     1xxx…x   a small integer in [-2^30, 2^30), stored inline
///     01xx…x   an index into the constant table's large integers
///     00xx…x   a string: its symbol in the constant table
///
/// Two values are the same constant exactly when their bits are equal, so joins,
/// deduplication and hashing never look at the strings.
public struct Value: Hashable, Sendable {
    public let raw: UInt32

    @inline(__always)
    public init(raw: UInt32) { self.raw = raw }

    /// A value no constant ever has: the last large-integer index, which the
    /// constant table never hands out. Storage marks empty slots with it
    /// (`GroupedTuples`).
    static let reserved = Value(raw: 0x7FFF_FFFF)

    static let smallIntegerRange: ClosedRange<Int64> = -(1 << 30)...((1 << 30) - 1)

    /// A small integer, if `n` fits inline.
    @inline(__always)
    static func smallInteger(_ n: Int64) -> Value? {
        guard smallIntegerRange.contains(n) else { return nil }
        return Value(raw: 0x8000_0000 | (UInt32(truncatingIfNeeded: n) & 0x7FFF_FFFF))
    }

    @inline(__always)
    static func string(_ symbol: UInt32) -> Value { Value(raw: symbol) }

    @inline(__always)
    static func largeInteger(_ index: UInt32) -> Value { Value(raw: 0x4000_0000 | index) }

    @inline(__always)
    var isSmallInteger: Bool { raw & 0x8000_0000 != 0 }

    @inline(__always)
    var isString: Bool { raw & 0xC000_0000 == 0 }

    @inline(__always)
    var isLargeInteger: Bool { raw & 0xC000_0000 == 0x4000_0000 }

    @inline(__always)
    var isInteger: Bool { !isString }

    /// The inline integer (only for `isSmallInteger`).
    @inline(__always)
    var smallIntegerValue: Int64 { Int64(Int32(bitPattern: raw << 1) >> 1) }
}
