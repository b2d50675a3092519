import Ingestion
import ResultFormats
import TextLayout

/// The one view of a year comparison: a row per change (what, the measure's number
/// and title in the newer document, the partner, plan or former title concerned),
/// under a caption naming the two documents.
///
///     泉区: R7 (document:泉区/R7) → R8 (document:泉区/R8)
///     change    no   measure                     detail
///     --------  ---  --------------------------  ------------------------
///     renamed   2.4  商店街と地域のにぎわい創出  was 商店街のにぎわいづくり
public enum YearComparisonView {
    public static let columns = ["change", "no", "measure", "detail"]

    public static func resultSet(_ comparison: YearComparison) -> ResultSet {
        let rows = comparison.diff.changes.map { change -> [ResultSet.Cell] in
            let (what, measure, detail): (String, DocumentOutline.Measure, String)
            switch change {
            case .added(let m): (what, measure, detail) = ("added", m, "")
            case .removed(let m): (what, measure, detail) = ("removed", m, "")
            case .renamed(let a, let b): (what, measure, detail) = ("renamed", b, "was \(a.number == b.number ? "" : a.number + " ")\(a.title)")
            case .moved(let a, let b): (what, measure, detail) = ("moved", b, "was \(a.number)")
            case .partnerGained(let m, let p): (what, measure, detail) = ("+partner", m, p)
            case .partnerLost(let m, let p): (what, measure, detail) = ("-partner", m, p)
            case .planGained(let m, let p): (what, measure, detail) = ("+plan", m, p)
            case .planLost(let m, let p): (what, measure, detail) = ("-plan", m, p)
            }
            return [.text(what), .text(measure.number), .text(measure.title), .text(detail)]
        }
        let caption = "\(comparison.ward): \(comparison.old.year.short) (\(comparison.old.document)) → \(comparison.new.year.short) (\(comparison.new.document))"
        return ResultSet(columns: columns, rows: rows, rowNoun: "change", caption: caption)
    }
}
