/// Where UTF-8 goes wrong: the first byte that does not start a well-formed sequence
/// (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF). One pass, for
/// documents, request bodies and URL paths of any size.
public enum UTF8Validation {
    /// The index (in the slice's own indices) of the first bad sequence; nil if all is UTF-8.
    public static func firstInvalidIndex(_ bytes: ArraySlice<UInt8>) -> Int? {
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var minSecond: UInt8 = 0x80
            var maxSecond: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; minSecond = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; maxSecond = 0x9F
            case 0xF0: length = 4; minSecond = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; maxSecond = 0x8F
            default: return i
            }
            guard i + length <= end else { return i }
            let second = bytes[i + 1]
            guard second >= minSecond && second <= maxSecond else { return i }
            for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }

    /// The 0-based offset of the first bad sequence; nil if all is UTF-8.
    public static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
        firstInvalidIndex(bytes[...])
    }
}
