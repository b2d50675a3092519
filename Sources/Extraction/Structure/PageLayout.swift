/// Page and line-width facts that decide whether a line can be a heading.
struct PageLayout: Sendable {
    /// Page index of each line; a page ends at a page-number line or a form feed.
    let pageOfLine: [Int]
    /// Whether each page shows any structure of the policies (a part header, a
    /// 主な取組 marker, a marked heading). Pages without it (columns, a message from
    /// the ward head, the section list) hold no measures.
    let pageHasStructure: [Bool]
    /// The wrap width of the dump: the 95th percentile of line lengths.
    let wrapWidth: Int

    /// PDF dumps wrap paragraphs at 35–55 characters; when the 95th percentile is
    /// past 70 the paragraphs were not wrapped and line length says nothing.
    var isUnwrapped: Bool { wrapWidth >= 70 }

    init(lines: [SourceLine], kinds: [LineKind]) {
        var page = 0
        var pages: [Int] = []
        var structure: [Bool] = [false]
        for (i, kind) in kinds.enumerated() {
            if lines[i].startsPage && i > 0 { page += 1; structure.append(false) }
            pages.append(page)
            switch kind {
            case .part(.policies), .part(.headline), .keyInitiatives:
                structure[page] = true
            case .heading(let h) where h.marker != .wave:
                structure[page] = true
            case .pageNumber:
                page += 1
                structure.append(false)
            default:
                break
            }
        }
        pageOfLine = pages
        pageHasStructure = structure
        var lengths: [Int] = []
        for (i, kind) in kinds.enumerated() {
            switch kind {
            case .text, .bullet, .note: lengths.append(lines[i].compact.count)
            default: break
            }
        }
        lengths.sort()
        wrapWidth = lengths.isEmpty ? 0 : lengths[Swift.min(lengths.count - 1, lengths.count * 95 / 100)]
    }

    func pageHasStructure(line: Int) -> Bool {
        pageHasStructure[pageOfLine[line]]
    }

    /// Whether `line` is the first line of a page (other than the first page).
    func startsPage(line: Int) -> Bool {
        line > 0 && pageOfLine[line] != pageOfLine[line - 1]
    }
}
