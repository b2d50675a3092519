/// The cleaned title (``TitleCleaner/clean(_:)``) of each line and its comparison key
/// (``TextNormalizer/key(_:)``), computed the first time a line is asked for, so that
/// the anchor search, the unmarked-heading rule and both walks of
/// ``StructureBuilder`` clean a line at most once.
struct CleanedTitles {
    typealias Title = (title: String, key: String)

    private let lines: [SourceLine]
    private var cache: [Title?]

    init(lines: [SourceLine]) {
        self.lines = lines
        cache = Array(repeating: nil, count: lines.count)
    }

    /// The cleaned title and key of line `i`.
    subscript(line i: Int) -> Title {
        mutating get {
            if let known = cache[i] { return known }
            let title = TitleCleaner.clean(lines[i].display)
            let cleaned = (title: title, key: TextNormalizer.key(title))
            cache[i] = cleaned
            return cleaned
        }
    }
}
