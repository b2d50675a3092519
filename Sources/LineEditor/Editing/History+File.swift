#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The history file: one entry per line, UTF-8, oldest first.
///
///     ?- ward(泉区).
///     policy(P, "a\\b") :-\n    ward(W).
///
/// Within an entry a backslash is written `\\`, a line feed `\n` and a carriage
/// return `\r`, so multi-line entries round-trip and every file line is one
/// entry. Reading is lenient, because a damaged history must never stop the
/// editor: an unknown escape or a trailing backslash is kept as it is, invalid
/// UTF-8 becomes U+FFFD, NUL bytes and empty lines are skipped, and a file that
/// cannot be read at all gives an empty history with `loadProblem` set.
extension History {
    /// Loads the history kept in `filePath`, or starts an empty one there if the
    /// file does not exist. Never fails: see `loadProblem`.
    public init(filePath: String, maximumCount: Int = 1000) {
        var problem: String?
        var lines: [String] = []
        do {
            let bytes = try System.readFile(filePath)
            let text = String(decoding: bytes, as: UTF8.self)
            if String(validating: bytes, as: UTF8.self) == nil {
                problem = "\(filePath) is not valid UTF-8; damaged characters were replaced"
            }
            lines = Self.decode(text)
        } catch let error as SystemCallError where error.code == ENOENT {
            // No history yet: the first save creates the file.
        } catch {
            problem = "cannot read history: \(error)"
        }
        self.init(entries: lines, maximumCount: maximumCount, filePath: filePath)
        loadProblem = problem
    }

    /// Writes all entries to `filePath`, replacing the file atomically (mode 0600).
    /// Does nothing for a history without a file.
    public func save() throws {
        guard let filePath else { return }
        try System.replaceFile(filePath, with: Array(Self.encode(entries).utf8))
    }

    /// The file content for `entries`.
    static func encode(_ entries: [String]) -> String {
        var text = ""
        for entry in entries {
            for scalar in entry.unicodeScalars {
                switch scalar {
                case "\\": text += "\\\\"
                case "\n": text += "\\n"
                case "\r": text += "\\r"
                default: text.unicodeScalars.append(scalar)
                }
            }
            text += "\n"
        }
        return text
    }

    /// The entries in a file's content, oldest first.
    static func decode(_ text: String) -> [String] {
        var entries: [String] = []
        for line in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            var entry = String.UnicodeScalarView()
            var scalars = line.unicodeScalars.makeIterator()
            while let scalar = scalars.next() {
                if scalar == "\0" || scalar == "\r" { continue }
                guard scalar == "\\" else {
                    entry.append(scalar)
                    continue
                }
                switch scalars.next() {
                case "\\": entry.append("\\")
                case "n": entry.append("\n")
                case "r": entry.append("\r")
                case let other?:
                    entry.append("\\")
                    if other != "\0" { entry.append(other) }
                case nil: entry.append("\\")
                }
            }
            if !entry.isEmpty { entries.append(String(entry)) }
        }
        return entries
    }
}
