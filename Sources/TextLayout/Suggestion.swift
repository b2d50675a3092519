/// "Did you mean …?" for mistyped names: relations, subcommands, options, node kinds.
///
/// Uses an edit distance over Characters (so 泉区 and 港区 differ by one), computed
/// with the three-row dynamic programme, O(n·m) time and O(m) space.
public enum Suggestion {
    /// The candidate closest to `word`, if it is close enough to be a likely typo:
    /// at most a third of the word's length in edits (at least one), ties broken
    /// by order of `candidates`. A candidate whose length alone differs by more than
    /// that is passed over without computing the distance, so a long word (a
    /// pasted paragraph) against a thousand names costs a thousand length checks.
    public static func closest<S: Sequence>(to word: String, in candidates: S) -> String? where S.Element == String {
        let length = word.count
        let limit = max(1, length / 3)
        var best: (name: String, distance: Int)?
        for candidate in candidates where candidate != word {
            guard abs(candidate.utf8.count - word.utf8.count) <= 4 * limit, abs(candidate.count - length) <= limit else { continue }
            let distance = editDistance(word, candidate)
            if distance <= limit, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.name
    }

    /// The number of single-character insertions, deletions, substitutions and
    /// swaps of neighbours that turn `a` into `b` (the optimal string alignment
    /// distance: `paht` is one edit from `path`).
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }

    /// " (did you mean 'x'?)" or the empty string, ready to append to a message.
    public static func hint<S: Sequence>(for word: String, in candidates: S) -> String where S.Element == String {
        closest(to: word, in: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }
}
