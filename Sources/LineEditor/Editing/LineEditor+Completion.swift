/// Tab completion through the `Completer`:
/// - no candidate: bell;
/// - one candidate: it replaces the completion range;
/// - several: their longest common prefix replaces the range if that changes
///   something without shortening it (else bell), and a second Tab in a row asks the reader
///   to list them (`EditAction.listCompletions`).
extension LineEditor {
    mutating func complete(listing: Bool) -> EditAction {
        guard let completer else { return .bell }
        let completion = completer.complete(line: buffer, cursor: cursor)
        var seen = Set<String>()
        let candidates = completion.candidates.filter { seen.insert($0).inserted }
        guard !candidates.isEmpty,
              completion.range.lowerBound >= buffer.startIndex,
              completion.range.upperBound <= buffer.endIndex
        else { return .bell }
        // Snap the range outward to character boundaries, in case a completer
        // worked on scalars or UTF-8 offsets.
        let lower = characterBoundary(atOrBefore: completion.range.lowerBound)
        let upper = characterBoundary(atOrAfter: completion.range.upperBound)
        if candidates.count == 1 {
            replace(lower..<upper, with: candidates[0])
            return .continue
        }
        if listing { return .listCompletions(candidates) }
        let prefix = Self.longestCommonPrefix(candidates)
        let current = buffer[lower..<upper]
        guard prefix.count >= current.count, prefix != current else { return .bell }
        replace(lower..<upper, with: prefix)
        return .continue
    }

    /// The longest string every candidate starts with, compared by character.
    static func longestCommonPrefix(_ strings: [String]) -> String {
        guard let first = strings.first else { return "" }
        var prefix = first[...]
        for string in strings.dropFirst() {
            var end = prefix.startIndex
            var other = string.startIndex
            while end < prefix.endIndex, other < string.endIndex, prefix[end] == string[other] {
                end = prefix.index(after: end)
                other = string.index(after: other)
            }
            prefix = prefix[..<end]
        }
        return String(prefix)
    }

    private func characterBoundary(atOrBefore index: String.Index) -> String.Index {
        var boundary = buffer.startIndex
        while boundary < buffer.endIndex {
            let next = buffer.index(after: boundary)
            if next > index { break }
            boundary = next
        }
        return boundary
    }

    private func characterBoundary(atOrAfter index: String.Index) -> String.Index {
        var boundary = buffer.startIndex
        while boundary < index {
            boundary = buffer.index(after: boundary)
        }
        return boundary
    }
}
