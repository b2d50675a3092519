/// Levels from marker families, as reStructuredText assigns section levels by the
/// order in which adornment styles are met rather than from a fixed table:
///
/// - The policies (level 1) are the first family met in the policies whose
///   numbering runs in sequence from 1 (`1 2 3`, `施策１ 施策２`, `【柱１】【柱２】`,
///   `視点１…５`, `(1)…(4)`), or an unnumbered family (◆) when it comes before any
///   policy. A numbered family claims level 1 whenever it is still free, since
///   cross-cutting headlines without a number may stand before the policies.
/// - A symbol used once before such a sequence and with nothing under it (◎ a
///   cross-cutting headline) stays a level-1 measure, but the sequence is the family
///   of the policies.
/// - Every other family takes its level where it is first met: 2 directly under a
///   policy, 3 under an initiative. Level 3 is the initiative's text (the guideline
///   has two levels), so a list marked (1) (2) inside a ○ initiative stays its text.
/// - A family that claims to number policies but does not start at 1 is no
///   structure at all (`戦略８ …` at the start of a wrapped citation).
extension StructureWalk {
    mutating func handleHeading(_ heading: Heading, at i: Int) {
        var heading = heading
        // The unit in charge set flush right on the heading's line.
        if case .tableRow = heading.marker {} else if let trailer = SectionTrailer.split(raw: lines[i].raw) {
            sections += trailer.units.map { ($0, i) }
            heading.title = SectionTrailer.title(heading.title, without: trailer.text)
        } else if SectionNoteParser.mayHoldNote(lines[i].compact) {
            addInlineNotes(at: i)
            heading.title = SectionNoteParser.strippingTrailingNote(heading.title)
        }
        let key = TextNormalizer.key(heading.title)
        // A heading of the initiatives' family under the policy it resembles
        // (`3) スポーツ・文化による地域のつながりづくり` under `❷ …スポーツ・文化によるつながりづくりの推進`)
        // is one of its initiatives, unless it repeats the policy's title exactly.
        if let repeated = findRepeat(key: key, number: heading.marker.isPolicyNumber ? heading.marker.number : nil),
           !(repeated == currentL1 && measures[repeated].key != key && measures[repeated].family != heading.marker.family
             && familyLevels[heading.marker.family] == 2) {
            switchTo(repeated, title: heading.title, key: key, at: i)
            return
        }
        guard isOpen else { return }
        switch heading.marker {
        case .subNumber(let major, _):
            // 2-1 belongs to policy 2 even when the dump put it elsewhere.
            moveToPolicy(numbered: major)
            openLevel2(title: heading.title, key: key, marked: true, family: .subNumber, label: heading.marker.label, at: i)
        case .tableRow(let rowKey):
            // A table of initiatives lists the initiatives of the policy above it;
            // a key `2-1` names policy 2.
            let parts = TextNormalizer.key(rowKey).split(whereSeparator: { $0 == "-" || $0 == "." })
            if parts.count == 2, let major = Int(parts[0]) { moveToPolicy(numbered: major) }
            openLevel2(title: heading.title, key: key, marked: true, family: .tableRow, label: heading.marker.label, at: i)
        case .quoted where !(previousEndsUnit && pageHasStructure && !afterSectionList && unmarkedRule.nextLineStartsAfresh(after: i)):
            // A line of a paragraph that opens with a quotation: it goes on from the
            // line before or into the next.
            handleText(at: i)
        case .wave:
            // A wave-dash headline is a policy only where policies are listed.
            switch previous {
            case .structure, .l1Heading:
                openLevel1(title: heading.title, key: key, number: nil, marked: true, at: i)
            default:
                appendBody(i)
                previous = .text(endsSentence: false)
            }
        default:
            // A quoted headline has a family but no marker: it is set like an unmarked heading.
            let marked = heading.marker != .quoted
            if let level = policyLevel(of: heading.marker) {
                if level == 1 {
                    openLevel1(title: heading.title, key: key, number: heading.marker.number, marked: marked,
                               family: heading.marker.family, label: heading.marker.label, at: i)
                } else {
                    openFamilyMember(heading.marker.family, title: heading.title, key: key, label: heading.marker.label,
                                     marked: marked, at: i)
                }
            } else {
                if region == .policies { unplacedHeadings.append(i) }
                appendBody(i)
                previous = .text(endsSentence: false)
            }
        }
    }

    /// 1 when the marker opens a policy, 2 when it opens a member of another family
    /// (whose level ``openFamilyMember`` decides), nil when it is no heading.
    private mutating func policyLevel(of marker: HeadingMarker) -> Int? {
        let family = marker.family
        let numbered = marker.number != nil
        if family == policyFamily {
            guard let n = marker.number else { return 1 }
            if n == policyCount + 1 {
                policyCount = n
                return 1
            }
            return 2
        }
        if policyFamily == nil, numbered ? marker.number == 1 : policies.isEmpty {
            // Numbers claim level 1 whenever it is free; other markers only before any policy.
            guard marker.isPolicyNumber || policies.isEmpty else { return 2 }
            policyFamily = family
            policyCount = marker.number ?? 0
            return 1
        }
        if isHeadlineBeforeSequence(marker) {
            policyFamily = family
            policyCount = 1
            return 1
        }
        if case .keyword = family, familyLevels[family] == nil, marker.number != 1 { return nil }
        return 2
    }

    /// Whether `marker` starts a numbered sequence after a one-off headline without a
    /// number (◎, or a quoted headline, with nothing under it) that had taken the
    /// policies' family. A symbol used for several policies keeps the family, and
    /// numbered items under it are its initiatives; a quotation opens headings of
    /// any level (`「…」の推進` under a policy), so only the headlines met so far count.
    private func isHeadlineBeforeSequence(_ marker: HeadingMarker) -> Bool {
        guard let headline = policyFamily, headline.isUnnumbered, headline == .quoted || familyCounts[headline] == 1,
              marker.isPolicyNumber, marker.number == 1, familyCounts[marker.family, default: 0] >= 2 else { return false }
        let headlines = policies.filter { measures[$0].family == policyFamily }
        return headlines.count == 1 && !measures.contains { $0.parent == headlines[0] }
    }

    /// Opens a heading of a family other than the policies': an initiative where the
    /// family's level is 2, the current initiative's text where it is 3.
    mutating func openFamilyMember(_ family: MarkerFamily, title: String, key: String, label: String?, marked: Bool = true, at i: Int) {
        let level: Int
        if family == .nameBullet {
            // Bullets mark every level of a document: a name bullet is an initiative
            // directly under a policy and text under an initiative, wherever it stands.
            level = currentL2 == nil || measures[currentL2!].family == .nameBullet ? 2 : 3
        } else if let known = familyLevels[family] {
            level = known
        } else if currentL1 != nil {
            level = currentL2 == nil || measures[currentL2!].family == family ? 2 : 3
            familyLevels[family] = level
        } else {
            level = 2
        }
        if level == 2 {
            openLevel2(title: title, key: key, marked: marked, family: family, label: label, at: i)
        } else {
            appendBody(i)
            previous = .text(endsSentence: false)
        }
    }

    mutating func openUnmarked(title: String, key: String, at i: Int) {
        if let repeated = findRepeat(key: key, number: nil) {
            switchTo(repeated, title: title, key: key, at: i)
            return
        }
        // Unmarked headings in a row are siblings; otherwise one under a policy is an
        // initiative, and one before any policy is a policy.
        var level = currentL1 == nil ? 1 : 2
        if case .heading(let previousLevel, true) = previous { level = previousLevel }
        // Under an unmarked policy whose initiatives are marked (○), the next unmarked
        // heading is the next policy.
        if let policy = currentL1, !measures[policy].isMarked, let initiative = currentL2, measures[initiative].isMarked {
            level = 1
        }
        if level == 1 {
            openLevel1(title: title, key: key, number: nil, marked: false, at: i)
        } else {
            openLevel2(title: title, key: key, marked: false, at: i)
        }
    }

    /// The level-1 measure that a heading repeats, if any.
    func findRepeat(key: String, number: Int?) -> Int? {
        if let exact = policies.first(where: { measures[$0].key == key }) { return exact }
        return policies.first { index in
            let m = measures[index]
            if let number, let own = m.number, own != number { return false }
            return StructureBuilder.sameHeading(m.key, key)
        }
    }

    /// Makes policy `major` the current one (for `2-1` and table rows keyed `2-1`).
    private mutating func moveToPolicy(numbered major: Int) {
        if let parent = policies.first(where: { measures[$0].number == major }),
           parent != currentL1 {
            currentL1 = parent
            segmentHasChild = true
        }
    }
}
