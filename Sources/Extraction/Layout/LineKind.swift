/// What one line of a dumped policy document is, judged from the line alone (and its
/// immediate neighbours for wrapped headings).
enum LineKind: Equatable, Sendable {
    case blank
    /// `２`, `- 3 -`: a page number, which also marks a page boundary.
    case pageNumber
    /// `＜地産地消マルシェ＞`, `≪川のクリーンアップ≫`: photo captions, never measures.
    case caption
    /// The document title (`令和7年度 泉区運営方針`) or a bare fiscal year line.
    case title
    /// A part header: `Ⅱ 目標達成に向けた施策`.
    case part(PartKind)
    /// `主な取組`, `【主な事業・取組】`: the page that details the policies starts here.
    case keyInitiatives
    /// `区で展開される主な局事業`: projects of city bureaus, not of the ward.
    case bureauProjects
    case heading(Heading)
    /// One or more units of the ward office (`総務課 区政推進課 地域振興課`).
    case sectionList([SectionName])
    /// `（担当：区政推進課、南土木事務所）` on a line of its own, or the 担当 cell of a
    /// table row: the units in charge of the measure above, which it does not end.
    case sectionNote([SectionName])
    /// The text of a table row's cells (see ``TableReader``): always the text of the
    /// row's initiative, never a heading.
    case tableCell
    /// The header row of a table (`番号 取組名 主な内容 担当`): layout, not content.
    case tableHeader
    /// `【関連する計画】`, `【参考】各視点と関連する計画`: a table of plans follows, its
    /// rows keyed by the label of a measure (`1-1`, `視点１`).
    case planTable
    /// A row of a table of plans read from its columns (see ``TableReader``): its key
    /// cell, a wide gap and its plans. It belongs to the measure its key names, and
    /// to no other.
    case planRow
    /// `・…`, `- …`: text that belongs to the measure above.
    case bullet
    /// `※…`: a footnote.
    case note
    /// The second line of a heading wrapped by the dump; its text is in the heading.
    case continuation
    case text

    var isContent: Bool {
        switch self {
        case .blank, .pageNumber, .caption, .tableHeader: return false
        default: return true
        }
    }

    var heading: Heading? {
        if case .heading(let h) = self { return h }
        return nil
    }
}

/// The kind of a part header, from its title.
enum PartKind: Equatable, Sendable {
    /// Ⅰ 基本目標.
    case goal
    /// Ⅱ 目標達成に向けた施策: the policies, where measures are.
    case policies
    /// Ⅲ 目標達成に向けた組織運営: how the office runs itself; not annotated.
    case organisation
    /// A numbered part whose title is a policy itself (港南区's
    /// `Ⅲ GREEN×EXPO 2027に向けた機運醸成の取組等`); a level-1 measure when it
    /// appears among the policies.
    case headline(String)
}

/// A unit of the ward office as listed: `保育園（和泉・北上飯田）` gives the name
/// `保育園` with the written form as an alias.
struct SectionName: Equatable, Sendable {
    var name: String
    var written: String
}
