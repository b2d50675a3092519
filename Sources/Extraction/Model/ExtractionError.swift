/// Why a document could not be extracted.
///
/// Each case names the file and carries what a person needs to find the problem;
/// the wording lives in `ExtractionError+Description.swift`.
public enum ExtractionError: Error, Sendable, Equatable {
    /// The file has no characters other than white space.
    case emptyFile(fileName: String)
    /// A NUL or other control byte: the file is not plain text.
    case binaryFile(fileName: String, byteOffset: Int)
    /// The bytes are not valid UTF-8 (often a Shift_JIS or UTF-16 dump).
    case invalidUTF8(fileName: String, byteOffset: Int, line: Int)
    /// No title of the form `…区運営方針` (or `…区 運営方針`) was found.
    case noWardFound(fileName: String, lineCount: Int)
}
