import Foundation
import Interning

/// The strings and large integers that values refer to. Shared by everything that
/// evaluates one program; grows as evaluation makes new constants (arithmetic,
/// `concat`). Used by one thread at a time.
public final class ConstantTable: @unchecked Sendable {
    private var strings = SymbolTable()
    private var largeIntegers: [Int64] = []
    private var largeIndex: [Int64: UInt32] = [:]

    public init() {}

    public var stringCount: Int { strings.count }

    /// Bytes held by the texts and large integers.
    public var byteCount: Int { strings.byteCount + largeIntegers.capacity * 8 + largeIndex.capacity * 16 }

    public func value(_ constant: Constant) -> Value {
        switch constant {
        case .string(let s): return string(s)
        case .integer(let n): return integer(n)
        }
    }

    public func string(_ text: String) -> Value {
        Value.string(strings.intern(text))
    }

    /// The value of a string given as UTF-8 bytes (for fast loading of fact files).
    public func string(utf8 bytes: UnsafeRawBufferPointer) -> Value {
        Value.string(strings.intern(bytes))
    }

    /// The value of a string if it was ever interned (a string never seen cannot be in any relation).
    public func existingString(_ text: String) -> Value? {
        strings.lookup(text).map(Value.string)
    }

    public func integer(_ n: Int64) -> Value {
        if let small = Value.smallInteger(n) { return small }
        if let index = largeIndex[n] { return Value.largeInteger(index) }
        // The last index is `Value.reserved`; a billion large integers are far beyond memory anyway.
        precondition(largeIntegers.count < 0x3FFF_FFFF, "too many distinct large integers")
        let index = UInt32(largeIntegers.count)
        largeIntegers.append(n)
        largeIndex[n] = index
        return Value.largeInteger(index)
    }

    /// The integer a value holds, if it is one.
    @inline(__always)
    public func integerValue(_ value: Value) -> Int64? {
        if value.isSmallInteger { return value.smallIntegerValue }
        if value.isLargeInteger { return largeIntegers[Int(value.raw & 0x3FFF_FFFF)] }
        return nil
    }

    /// The text a value holds, if it is a string.
    public func stringValue(_ value: Value) -> String? {
        value.isString ? strings[value.raw] : nil
    }

    public func withBytes<R>(of value: Value, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try strings.withBytes(of: value.raw, body)
    }

    public func constant(_ value: Value) -> Constant {
        if let n = integerValue(value) { return .integer(n) }
        return .string(strings[value.raw])
    }

    /// The value as a program would write it: integers plain, texts bare or quoted.
    public func source(_ value: Value) -> String {
        constant(value).description
    }

    /// The value for display in tables: integers in decimal, texts as they are.
    public func display(_ value: Value) -> String {
        if let n = integerValue(value) { return String(n) }
        return strings[value.raw]
    }

    /// The order of values: integers numerically, before all strings; strings by
    /// Unicode code point (their UTF-8 bytes), so the order is the same everywhere.
    public func compare(_ a: Value, _ b: Value) -> Int {
        if a == b { return 0 }
        let aInt = integerValue(a), bInt = integerValue(b)
        switch (aInt, bInt) {
        case let (x?, y?): return x < y ? -1 : (x > y ? 1 : 0)
        case (.some, nil): return -1
        case (nil, .some): return 1
        case (nil, nil):
            return strings.withBytes(of: a.raw) { x in
                strings.withBytes(of: b.raw) { y in
                    let common = min(x.count, y.count)
                    if common > 0 {
                        let c = memcmp(x.baseAddress!, y.baseAddress!, common)
                        if c != 0 { return c < 0 ? -1 : 1 }
                    }
                    return x.count < y.count ? -1 : (x.count > y.count ? 1 : 0)
                }
            }
        }
    }
}
