import Foundation

/// Compiled regular expressions for `matches`, by pattern (NSRegularExpression,
/// ICU syntax). Evaluation uses one cache per run; a pattern that does not compile
/// makes `matches` false for it (constant patterns are checked before running).
final class RegexCache {
    private var compiled: [String: NSRegularExpression?] = [:]

    func regex(_ pattern: String) -> NSRegularExpression? {
        if let found = compiled[pattern] { return found }
        let regex = try? NSRegularExpression(pattern: pattern)
        compiled[pattern] = regex
        return regex
    }

    func matches(_ text: String, _ pattern: String) -> Bool {
        guard let regex = regex(pattern) else { return false }
        let range = NSRange(text.startIndex..., in: text)
        return regex.firstMatch(in: text, range: range) != nil
    }

    /// A short reason for a pattern that does not compile.
    static func explain(_ error: Error) -> String {
        let text = (error as NSError).localizedDescription
        return text.isEmpty ? "it does not compile" : text
    }
}
