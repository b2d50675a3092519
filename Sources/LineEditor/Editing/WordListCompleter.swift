/// Completes the word before the cursor from a fixed list of words.
///
///     let completer = WordListCompleter(words: ["ward", "wardOffice", "泉区", "泉町"])
///     // "?- wa|"  → candidates ["ward", "wardOffice"] replacing "wa"
///     // "?- 泉|"  → candidates ["泉区", "泉町"] replacing "泉"
///
/// A word is a run of letters, digits and "_" (kanji and kana are letters), or
/// whatever `isWordCharacter` says; an empty word before the cursor completes
/// nothing, so Tab on an empty line does not list the whole vocabulary.
public struct WordListCompleter: Completer, Sendable {
    public var words: [String]
    public var isWordCharacter: @Sendable (Character) -> Bool

    public init(
        words: [String],
        isWordCharacter: @escaping @Sendable (Character) -> Bool = WordListCompleter.isIdentifierCharacter
    ) {
        self.words = words
        self.isWordCharacter = isWordCharacter
    }

    /// Letters (any script), digits and "_": Datalog identifiers, Japanese included.
    @Sendable
    public static func isIdentifierCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }

    public func complete(line: String, cursor: String.Index) -> Completion {
        var start = cursor
        while start > line.startIndex {
            let before = line.index(before: start)
            guard isWordCharacter(line[before]) else { break }
            start = before
        }
        let partial = line[start..<cursor]
        guard !partial.isEmpty else { return .none(at: cursor) }
        var seen = Set<String>()
        let candidates = words.filter { $0.hasPrefix(partial) && seen.insert($0).inserted }
        return Completion(candidates: candidates.sorted(), range: start..<cursor)
    }
}
