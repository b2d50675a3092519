import TextLayout

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
        if let offset = UTF8Validation.firstInvalidIndex(body) {
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
}
