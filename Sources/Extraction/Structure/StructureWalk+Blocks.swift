/// Opening, resuming and closing the blocks of measures: which lines belong to which
/// measure.
extension StructureWalk {
    mutating func openLevel1(title: String, key: String, number: Int?, marked: Bool, family: MarkerFamily? = nil,
                             label: String? = nil, at i: Int) {
        if let repeated = findRepeat(key: key, number: number) {
            switchTo(repeated, title: title, key: key, at: i)
            return
        }
        guard isOpen else { return }
        measures.append(MeasureDraft(title: title, key: key, level: 1, parent: nil, number: number, line: i,
                                     segments: [takeOrphans(by: family) + headingLines(i)], isMarked: marked, family: family, label: label))
        record(label: label)
        policies.append(measures.count - 1)
        currentL1 = measures.count - 1
        currentL2 = nil
        segmentHasChild = false
        afterKeyInitiatives = false
        previous = marked ? .l1Heading : .heading(level: 1, unmarked: true)
    }

    mutating func openLevel2(title: String, key: String, marked: Bool, family: MarkerFamily? = nil, label: String? = nil, at i: Int) {
        guard let parent = currentL1 else {
            if marked && region == .policies { orphanItems.append((i, title)) }
            appendBody(i)
            previous = .text(endsSentence: false)
            return
        }
        measures.append(MeasureDraft(title: title, key: key, level: 2, parent: parent, number: nil, line: i,
                                     segments: [takeOrphans(by: family) + headingLines(i)], isMarked: marked, family: family, label: label))
        record(label: label)
        currentL2 = measures.count - 1
        segmentHasChild = true
        previous = .heading(level: 2, unmarked: !marked)
    }

    /// Remembers the newest measure's label; a label two measures share names neither.
    private mutating func record(label: String?) {
        guard let label else { return }
        labels[label] = labels[label] == nil ? measures.count - 1 : -1
    }

    mutating func switchTo(_ index: Int, title: String, key: String, at i: Int) {
        region = .policies
        afterSectionList = false
        // A repetition that is longer and starts with the first heading restores a
        // title whose second line the dump lost.
        if key.count > measures[index].key.count && key.hasPrefix(measures[index].key) {
            measures[index].title = title
            measures[index].key = key
        }
        measures[index].segments.append(takeOrphans(by: nil) + headingLines(i))
        currentL1 = index
        currentL2 = nil
        segmentHasChild = false
        afterKeyInitiatives = false
        previous = .l1Heading
    }

    /// The heading's line and the line that finishes its title (next, or after a blank).
    private func headingLines(_ i: Int) -> [Int] {
        if i + 1 < kinds.count && kinds[i + 1] == .continuation { return [i, i + 1] }
        if i + 2 < kinds.count && kinds[i + 1] == .blank && kinds[i + 2] == .continuation { return [i, i + 2] }
        return [i]
    }

    /// The text before the first heading after a part-Ⅱ header, for the heading
    /// opened now. A heading of a marker family (`１`, `◎`, `施策１`) stands where the
    /// document put it, so the text before it introduces the policies as a whole and
    /// belongs to none (it is only noticed); a headline or an unmarked heading may
    /// come after its own text in a scrambled dump, and takes it.
    private mutating func takeOrphans(by family: MarkerFamily?) -> [Int] {
        defer { orphans = nil }
        if family != nil {
            unattachedLines += orphans ?? []
            return []
        }
        return orphans ?? []
    }

    mutating func appendBody(_ i: Int) {
        guard isOpen else { return }
        if let target = currentL2 ?? currentL1 {
            measures[target].segments[measures[target].segments.count - 1].append(i)
        } else if orphans != nil && region == .policies {
            orphans?.append(i)
        } else if region == .policies && pageHasStructure && !afterSectionList {
            unattachedLines.append(i)
        }
    }

    mutating func endBlock() {
        currentL1 = nil
        currentL2 = nil
        segmentHasChild = false
        orphans = nil
    }
}
