/// The text of a measure as one string, with the line each character came from.
///
/// PDF dumps break lines mid-word (`地域` / `ケアプラザ職員`), often with blank lines in
/// between, so names are scanned on joined text. A line is joined to the one before
/// when that one was running text that did not end a sentence and this one is not a
/// new bullet or heading; otherwise a hard stop (`\n`) separates them, so no name can
/// be glued across a sentence or list boundary. White space is removed (Japanese
/// does not use it, and the dump inserts it at random).
struct LogicalText: Sendable {
    static let hardStop: Unicode.Scalar = "\n"

    private(set) var scalars: [Unicode.Scalar] = []
    /// 1-based source line of each scalar.
    private(set) var lineOf: [Int] = []

    init() {}

    /// The text of the line indices `segment`, joined as described above.
    init(segment: [Int], lines: [SourceLine], kinds: [LineKind], headingLines: Set<Int> = []) {
        var previousRunsOn = false
        for i in segment {
            let kind = kinds[i]
            let text: [Unicode.Scalar]
            var joins = false
            switch kind {
            case .blank, .caption, .pageNumber:
                continue
            case .heading:
                text = TextNormalizer.compactScalars(HeadingParser.textAfterMarker(lines[i].display))
            case .part(.headline(let title)):
                text = TextNormalizer.compactScalars(title)
            case .continuation:
                text = lines[i].compact
                joins = true
            case .text:
                text = lines[i].compact
                joins = previousRunsOn && !headingLines.contains(i)
            default:
                text = lines[i].compact
            }
            append(text, line: lines[i].number, joined: joins)
            switch kind {
            case .text where headingLines.contains(i), .bullet where headingLines.contains(i):
                previousRunsOn = false  // a heading without a marker or a name bullet: nothing runs on from it
            case .text, .bullet, .note, .tableCell:
                previousRunsOn = !UnmarkedHeadingRule.endsSentence(lines[i])
            default:
                previousRunsOn = false
            }
        }
    }

    /// Appends `text` from `line`, after a hard stop unless `joined`. Numbers on two
    /// lines are two numbers (`…政策９` / `３警察署と…`), so digits never join digits.
    mutating func append(_ text: [Unicode.Scalar], line: Int, joined: Bool) {
        let digits = scalars.last.map(ScalarClass.isASCIIDigit) == true && text.first.map(ScalarClass.isASCIIDigit) == true
        if !scalars.isEmpty && (!joined || digits) {
            scalars.append(Self.hardStop)
            lineOf.append(line)
        }
        scalars.append(contentsOf: text)
        lineOf.append(contentsOf: repeatElement(line, count: text.count))
    }

    func line(at index: Int) -> Int {
        lineOf.isEmpty ? 0 : lineOf[Swift.min(Swift.max(index, 0), lineOf.count - 1)]
    }

    func string(_ range: Range<Int>) -> String {
        Array(scalars[range]).string
    }
}
