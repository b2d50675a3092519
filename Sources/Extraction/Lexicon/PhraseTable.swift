/// Longest-match lookup of phrases in scalar text.
///
/// Phrases are bucketed by their first scalar and kept longest first, so a lookup at
/// one position costs a dictionary probe plus a few prefix comparisons. With the
/// lexicon's few hundred phrases this beats building an Aho–Corasick automaton, and
/// it is simple enough to be obviously right.
struct PhraseTable: Sendable {
    private var buckets: [Unicode.Scalar: [(phrase: [Unicode.Scalar], value: Int)]] = [:]
    /// One bit per scalar of the Basic Multilingual Plane that starts a phrase: most
    /// positions of a text start none, and a bit test is far cheaper than hashing.
    private var firstScalars = [UInt64](repeating: 0, count: 1024)

    init() {}

    /// A table of `phrases`, each with its index as the value.
    init(_ phrases: [[Unicode.Scalar]]) {
        for (index, phrase) in phrases.enumerated() { insert(phrase, value: index) }
    }

    /// Adds `phrase` (already a comparison key: NFKC, no white space) for `value`.
    mutating func insert(_ phrase: [Unicode.Scalar], value: Int) {
        guard let first = phrase.first else { return }
        if first.value < 0x10000 { firstScalars[Int(first.value >> 6)] |= 1 << (first.value & 63) } else { hasAstralPhrases = true }
        var bucket = buckets[first, default: []]
        bucket.append((phrase, value))
        bucket.sort { $0.phrase.count > $1.phrase.count }
        buckets[first] = bucket
    }

    /// The longest phrase that starts at `index` in `text`, with its value.
    func longestMatch(in text: [Unicode.Scalar], at index: Int) -> (length: Int, value: Int)? {
        guard index < text.count, mayStartPhrase(text[index]), let bucket = buckets[text[index]] else { return nil }
        for entry in bucket where text.matches(entry.phrase, at: index) {
            return (entry.phrase.count, entry.value)
        }
        return nil
    }

    /// Whether some phrase starts with `s`.
    @inline(__always)
    private func mayStartPhrase(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x10000 ? firstScalars[Int(s.value >> 6)] & (1 << (s.value & 63)) != 0 : hasAstralPhrases
    }

    private var hasAstralPhrases = false

    /// The value of exactly `phrase`, if it is in the table.
    func value(of phrase: [Unicode.Scalar]) -> Int? {
        guard let first = phrase.first, let bucket = buckets[first] else { return nil }
        return bucket.first { $0.phrase == phrase }?.value
    }
}
