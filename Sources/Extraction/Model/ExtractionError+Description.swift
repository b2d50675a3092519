extension ExtractionError: CustomStringConvertible {
    /// One or two sentences: what is wrong with which file, and what to do.
    public var description: String {
        switch self {
        case .emptyFile(let fileName):
            return "\(fileName): the file is empty (or only white space), so there is no policy document to extract. Check that the PDF was converted to text (for example with pdftotext -layout)."
        case .binaryFile(let fileName, let offset):
            return "\(fileName): control byte at byte \(offset); this is a binary file, not plain text. Convert the PDF to UTF-8 text first and pass the .txt file."
        case .invalidUTF8(let fileName, let offset, let line):
            return "\(fileName): not valid UTF-8 at byte \(offset) (line \(line)). The file may be in Shift_JIS or UTF-16; convert it, for example with iconv -f SHIFT_JIS -t UTF-8."
        case .noWardFound(let fileName, let lineCount):
            return "\(fileName): no ward could be recognised in \(lineCount) lines (expected a title such as 「令和7年度 泉区運営方針」). Check that this is a ward management-policy document (区運営方針) and that its title page was converted."
        }
    }
}
