/// The unit in charge set flush right on a heading's line, after a wide gap:
/// `□　地域の担い手づくりと区民活動の支援　　　　　　地域振興課`.
///
/// A document that names its units nowhere else names them this way, like a 担当
/// column without its ruling. Only a last cell made of nothing but unit names counts
/// (`総務課・区政推進課`, `区政推進課、資源化推進担当`), and only after a gap wider than
/// any space inside a title, so that a title ending in a unit's name keeps it.
enum SectionTrailer {
    /// The gap, in display columns, that sets a trailer apart from the title.
    static let minimumGap = 6

    /// The units of the trailer and its text as displayed, or nil when the line has none.
    static func split(raw: String) -> (units: [SectionName], text: String)? {
        guard RawSegments.hasInnerGap(raw, width: minimumGap) else { return nil }
        let cells = RawSegments.segments(of: raw, minimumGap: minimumGap)
        guard cells.count >= 2, let last = cells.last else { return nil }
        let text = TextNormalizer.display(last.text)
        guard let units = SectionNoteParser.allUnits(inCell: text) else { return nil }
        return (units, text)
    }

    /// `title` without the trailer's text at its end.
    static func title(_ title: String, without trailer: String) -> String {
        guard title.hasSuffix(trailer), title.count > trailer.count else { return title }
        return String(title.dropLast(trailer.count)).trimmingSpaces()
    }
}
