/// Where UTF-8 goes wrong: the offset of the first byte that does not start or
/// continue a well-formed sequence (RFC 3629: no overlongs, no surrogates, nothing
/// above U+10FFFF). One pass, for request bodies and URL paths of any size.
public enum UTF8Validation {
    public static func firstInvalidOffset(_ bytes: some Collection<UInt8>) -> Int? {
        var offset = 0
        var iterator = bytes.makeIterator()
        while let lead = iterator.next() {
            let start = offset
            offset += 1
            if lead < 0x80 { continue }
            let count: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: count = 1
            case 0xE0: count = 2; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: count = 2
            case 0xED: count = 2; high = 0x9F
            case 0xF0: count = 3; low = 0x90
            case 0xF1...0xF3: count = 3
            case 0xF4: count = 3; high = 0x8F
            default: return start
            }
            for i in 0..<count {
                guard let byte = iterator.next() else { return start }
                let (min, max): (UInt8, UInt8) = i == 0 ? (low, high) : (0x80, 0xBF)
                guard byte >= min && byte <= max else { return start }
                offset += 1
            }
        }
        return nil
    }
}
