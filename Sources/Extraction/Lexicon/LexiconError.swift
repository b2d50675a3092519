/// Why a lexicon directory could not be loaded. Every case names the file, and the
/// line where there is one, so the entry can be fixed directly.
public enum LexiconError: Error, Sendable, Equatable, CustomStringConvertible {
    case missingFile(path: String)
    case unreadable(path: String, reason: String)
    case invalidUTF8(path: String, line: Int)
    /// A line that starts with a tab has no canonical name.
    case emptyCanonical(path: String, line: Int)
    /// The same spelling is listed under two canonical names.
    case conflictingAlias(path: String, line: Int, alias: String, canonical: String, firstCanonical: String, firstLine: Int)
    /// A field that must have a particular form (`digits:2` in plan-levels.txt) does not.
    case badField(path: String, line: Int, field: String, expected: String)

    public var description: String {
        switch self {
        case .missingFile(let path):
            return "\(path): lexicon file not found. The lexicon directory must hold \(Lexicon.fileNames.joined(separator: ", ")) (see Graph/lexicon)."
        case .unreadable(let path, let reason):
            return "\(path): cannot read the lexicon file: \(reason)."
        case .invalidUTF8(let path, let line):
            return "\(path):\(line): not valid UTF-8; save the lexicon as UTF-8."
        case .emptyCanonical(let path, let line):
            return "\(path):\(line): the line starts with a tab, so it has no canonical name. Write the canonical name first, then the aliases, separated by tabs."
        case .conflictingAlias(let path, let line, let alias, let canonical, let first, let firstLine):
            return "\(path):\(line): 「\(alias)」 is listed for 「\(canonical)」 but line \(firstLine) already lists it for 「\(first)」. A spelling can belong to one canonical name only."
        case .badField(let path, let line, let field, let expected):
            return "\(path):\(line): 「\(field)」 is not valid here; write \(expected)."
        }
    }
}
