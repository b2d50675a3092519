/// Text that must be UTF-8 (a program, a fact file, a line of input): decoded, or
/// a diagnostic that says where it is not, by byte offset, line and column, with
/// the line shown and a caret under the bad byte.
public enum UTF8Text {
    /// `bytes` as a string; invalid UTF-8 throws a diagnostic naming `file`. When
    /// `bytes` are part of a file, `firstLine` and `firstByte` say where they start.
    public static func decode(
        _ bytes: some Collection<UInt8>, file: String, firstLine: Int = 1, firstByte: Int = 0
    ) throws(SourceDiagnostic) -> String {
        let array = Array(bytes)
        guard let offset = UTF8Validation.firstInvalidOffset(array) else { return String(decoding: array, as: UTF8.self) }
        throw diagnostic(array, invalidAt: offset, file: file, firstLine: firstLine, firstByte: firstByte)
    }

    /// The diagnostic for the invalid byte at `offset` of `bytes`.
    public static func diagnostic(
        _ bytes: [UInt8], invalidAt offset: Int, file: String, firstLine: Int = 1, firstByte: Int = 0
    ) -> SourceDiagnostic {
        let lineStart = bytes[..<offset].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let lineEnd = bytes[offset...].firstIndex(of: 0x0A) ?? bytes.count
        let line = firstLine + bytes[..<lineStart].reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
        let before = String(decoding: bytes[lineStart..<offset], as: UTF8.self)
        var lineText = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
        if lineText.hasSuffix("\r") { lineText.removeLast() }
        let hex = String(bytes[offset], radix: 16, uppercase: true)
        return SourceDiagnostic(
            .error, "invalid UTF-8 at byte \(firstByte + offset) (0x\(hex.count == 1 ? "0" : "")\(hex)); the text must be UTF-8",
            file: file, line: line, column: before.count + 1, lineText: lineText,
            notes: ["the file may be in Shift_JIS or UTF-16: convert it, for example with iconv -f SHIFT_JIS -t UTF-8, or save it as UTF-8"])
    }
}
