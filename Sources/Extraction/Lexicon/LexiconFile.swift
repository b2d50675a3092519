import Foundation

/// Parsing of one lexicon file (format in ``Lexicon``).
enum LexiconFile {
    /// The entries of the file at `path`, in file order.
    static func entries(at path: String) throws -> [Lexicon.Entry] {
        guard FileManager.default.fileExists(atPath: path) else { throw LexiconError.missingFile(path: path) }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw LexiconError.unreadable(path: path, reason: error.localizedDescription)
        }
        return try parse(Array(data), path: path)
    }

    /// Parses file contents; `path` is used only in errors.
    static func parse(_ bytes: [UInt8], path: String) throws -> [Lexicon.Entry] {
        var entries: [Lexicon.Entry] = []
        var owner: [String: (canonical: String, line: Int)] = [:]
        var lineNumber = 0
        for rawLine in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            guard let line = String(validating: rawLine, as: UTF8.self) else {
                throw LexiconError.invalidUTF8(path: path, line: lineNumber)
            }
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let body = line.hasSuffix("\r") ? String(line.dropLast()) : line
            let fields = body.split(separator: "\t", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard let canonical = fields.first, !canonical.isEmpty else {
                throw LexiconError.emptyCanonical(path: path, line: lineNumber)
            }
            let aliases = fields.dropFirst().filter { !$0.isEmpty }
            for spelling in [canonical] + aliases {
                let key = TextNormalizer.key(spelling)
                if let previous = owner[key], TextNormalizer.key(previous.canonical) != TextNormalizer.key(canonical) {
                    throw LexiconError.conflictingAlias(path: path, line: lineNumber, alias: spelling, canonical: canonical,
                                                        firstCanonical: previous.canonical, firstLine: previous.line)
                }
                if owner[key] == nil { owner[key] = (canonical, lineNumber) }
            }
            entries.append(Lexicon.Entry(canonical: canonical, aliases: Array(aliases), line: lineNumber))
        }
        return entries
    }
}
