/// One line of the input file, in its three normal forms (see ``TextNormalizer``).
struct SourceLine: Sendable {
    /// 1-based line number in the input file.
    let number: Int
    let raw: String
    let display: String
    let nfkc: String
    /// NFKC without white space: the text name scanners read.
    let compact: [Unicode.Scalar]
    /// pdftotext marks a page break with a form feed at the start of the next page.
    let startsPage: Bool

    init(number: Int, raw: String) {
        self.number = number
        self.raw = raw
        display = TextNormalizer.display(raw)
        nfkc = TextNormalizer.nfkc(display)
        compact = nfkc.unicodeScalars.filter { !ScalarClass.isWhitespace($0) }
        startsPage = raw.unicodeScalars.contains("\u{0C}")
    }

    var isBlank: Bool { compact.isEmpty }
}

/// Decoding of the input bytes into lines, with the checks that turn unusable input
/// into an ``ExtractionError`` instead of an empty or nonsensical graph.
enum SourceText {
    /// Decodes `bytes` as UTF-8 (a leading byte-order mark is skipped) and splits it
    /// into lines at LF, CRLF or a lone CR.
    ///
    /// Throws `.emptyFile` when there is nothing but white space, `.binaryFile` when a
    /// NUL or other C0 control byte (other than tab, LF, CR, FF) occurs, and
    /// `.invalidUTF8` with the offset of the first bad sequence.
    static func lines(of bytes: [UInt8], fileName: String) throws -> [SourceLine] {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let offset = body.firstIndex(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0x0C }) {
            throw ExtractionError.binaryFile(fileName: fileName, byteOffset: offset)
        }
        if let offset = firstInvalidUTF8Offset(body) {
            let line = 1 + body[body.startIndex..<offset].filter { $0 == 0x0A }.count
            throw ExtractionError.invalidUTF8(fileName: fileName, byteOffset: offset, line: line)
        }
        let text = String(decoding: body, as: UTF8.self)
        var result: [SourceLine] = []
        var current = String.UnicodeScalarView()
        var previousWasCR = false
        for s in text.unicodeScalars {
            if s == "\n" && previousWasCR { previousWasCR = false; continue }
            previousWasCR = false
            if s == "\n" || s == "\r" {
                result.append(SourceLine(number: result.count + 1, raw: String(current)))
                current.removeAll()
                previousWasCR = s == "\r"
            } else {
                current.append(s)
            }
        }
        if !current.isEmpty { result.append(SourceLine(number: result.count + 1, raw: String(current))) }
        if result.allSatisfy(\.isBlank) { throw ExtractionError.emptyFile(fileName: fileName) }
        return result
    }

    /// The byte offset of the first ill-formed UTF-8 sequence, or nil.
    ///
    /// Hand-written (one pass, no allocation) because `String(validating:)` does not
    /// say where the problem is, and the error should.
    static func firstInvalidUTF8Offset(_ bytes: ArraySlice<UInt8>) -> Int? {
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
}
