/// A fast, non-cryptographic hash of bytes and of small integer tuples, for the
/// project's own hash tables (interned strings, tuple sets, join indexes).
///
/// Eight bytes at a time: multiply-xorshift mixing in the style of FxHash, finished
/// with the splitmix64 finaliser so that every output bit depends on every input
/// bit. Not resistant to deliberately colliding input, which these tables never
/// receive from outside in a way that matters (the worst case is slowness).
public enum ByteHash {
    @inline(__always)
    public static func mix(_ h: UInt64, _ word: UInt64) -> UInt64 {
        ((h ^ word) &* 0x9E37_79B9_7F4A_7C15).rotateLeft(26)
    }

    @inline(__always)
    public static func finish(_ h: UInt64) -> UInt64 {
        var z = h
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    public static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h = UInt64(bytes.count) &* 0xA076_1D64_78BD_642F
        var i = 0
        let count = bytes.count
        while count - i >= 8 {
            h = mix(h, bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        if i < count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < count {
                tail |= UInt64(bytes[i]) << shift
                shift += 8
                i += 1
            }
            h = mix(h, tail)
        }
        return finish(h)
    }

    public static func hash32(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        UInt32(truncatingIfNeeded: hash(bytes))
    }
}

extension UInt64 {
    @inline(__always)
    func rotateLeft(_ n: UInt64) -> UInt64 { (self << n) | (self >> (64 - n)) }
}
