import Foundation

/// Compiled regular expressions for `matches`, by pattern (NSRegularExpression,
/// ICU syntax). Evaluation uses one cache per run; a pattern that does not compile
/// makes `matches` false for it (constant patterns are checked before running).
///
/// Matching reports its completion, so that the engine giving up on a text (ICU's
/// backtracking stack runs out on a long one) is an error, never a silent `false`;
/// and it reports progress, so that the time limit and Ctrl-C stop a slow match.
final class RegexCache {
    private var compiled: [String: NSRegularExpression?] = [:]

    func regex(_ pattern: String) -> NSRegularExpression? {
        if let found = compiled[pattern] { return found }
        let regex = try? NSRegularExpression(pattern: pattern)
        compiled[pattern] = regex
        return regex
    }

    /// Whether `pattern` matches somewhere in `text`. Throws `EvaluationError.regex`
    /// (located at `range`) if the engine fails, and the deadline's error past it.
    func matches(_ text: String, _ pattern: String, deadline: Deadline, range: SourceRange) throws -> Bool {
        guard let regex = regex(pattern) else { return false }
        var found = false
        var failed = false
        var stopped: EvaluationError?
        regex.enumerateMatches(in: text, options: [.reportCompletion, .reportProgress], range: NSRange(text.startIndex..., in: text)) { match, flags, stop in
            if match != nil {
                found = true
                stop.pointee = true
            } else if flags.contains(.internalError) {
                failed = true
            } else if flags.contains(.progress) {
                do throws(EvaluationError) { try deadline.check() } catch {
                    stopped = error
                    stop.pointee = true
                }
            }
        }
        if let stopped { throw stopped }
        if failed && !found {
            throw EvaluationError.regex(
                "the regular expression \(Constant.quoted(pattern)) could not be matched against a text of \(text.count.grouped) characters: the matcher ran out of room (its backtracking is too deep); simplify the pattern (e.g. [ab]* instead of (a|b)*) or match shorter texts", range: range)
        }
        return found
    }

    /// A short reason for a pattern that does not compile.
    static func explain(_ error: Error) -> String {
        let text = (error as NSError).localizedDescription
        return text.isEmpty ? "it does not compile" : text
    }
}
